"""Permissions as a role x state table (soslab/problems/rules.py)."""

import pytest
from django.contrib.auth.models import AnonymousUser

from soslab.accounts.models import AgeBand
from soslab.moderation.models import ModerationState
from soslab.problems import rules
from soslab.problems.models import ProblemStatus
from tests.factories import ModeratorFactory, StaffFactory, UserFactory

from .factories import ProblemFactory

pytestmark = pytest.mark.django_db

ROLES = ["anonymous", "unverified", "citizen", "youth", "author", "moderator", "staff"]
STATES = ["open", "solved", "hidden", "pending"]


def _user(role, problem):
    return {
        "anonymous": lambda: AnonymousUser(),
        "unverified": lambda: UserFactory(verified=False),
        "citizen": lambda: UserFactory(),
        "youth": lambda: UserFactory(age_band=AgeBand.TEEN),
        "author": lambda: problem.author,
        "moderator": lambda: ModeratorFactory(),
        "staff": lambda: StaffFactory(),
    }[role]()


def _problem(state):
    return {
        "open": lambda: ProblemFactory(),
        "solved": lambda: ProblemFactory(status=ProblemStatus.SOLVED),
        "hidden": lambda: ProblemFactory(moderation_state=ModerationState.HIDDEN),
        "pending": lambda: ProblemFactory(moderation_state=ModerationState.PENDING),
    }[state]()


# (rule, roles allowed per state); anything not listed is refused.
EXPECTED = {
    "view": {
        "open": set(ROLES),
        "solved": set(ROLES),
        "hidden": {"author", "moderator", "staff"},
        "pending": {"author", "moderator", "staff"},
    },
    "support": {
        "open": {"citizen", "youth", "author", "moderator", "staff"},
        "solved": set(),
        "hidden": set(),
        "pending": set(),
    },
    "edit": {
        "open": {"author", "staff"},
        "solved": {"staff"},
        "hidden": {"author", "staff"},
        "pending": {"author", "staff"},
    },
    "change_status": {state: {"staff"} for state in STATES},
    "answer": {state: {"staff"} for state in STATES},
}
PREDICATES = {
    "view": rules.can_view,
    "support": rules.can_support,
    "edit": rules.can_edit,
    "change_status": rules.can_change_status,
    "answer": rules.can_answer,
}


@pytest.mark.parametrize("state", STATES)
@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("rule", list(EXPECTED))
def test_permission_table(rule, role, state):
    problem = _problem(state)
    user = _user(role, problem)
    allowed = PREDICATES[rule].test(user, problem)
    assert allowed == (role in EXPECTED[rule][state]), f"{rule} {role} {state}"

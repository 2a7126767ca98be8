"""The role x action table for moderation (docs/permissions.md), tested per action."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied

from soslab.accounts.models import AgeBand
from soslab.accounts.permissions import PostingRefused
from soslab.moderation.blocks import user_block, user_unblock
from soslab.moderation.models import HideReason, ModerationState, ReportReason
from soslab.moderation.reports import report_create
from soslab.moderation.roles import MODERATOR_PERMISSIONS
from soslab.moderation.services import (
    content_approve,
    content_edit,
    content_hide,
    content_restore,
    reports_dismiss,
)
from tests.factories import ModeratorFactory, StaffFactory, UserFactory
from tests.moderation.conftest import BlockedUserFactory

pytestmark = pytest.mark.django_db

ROLES = {
    "anonymous": lambda: AnonymousUser(),
    "unverified": lambda: UserFactory(verified=False),
    "blocked": lambda: BlockedUserFactory(),
    "citizen": lambda: UserFactory(),
    "under_14": lambda: UserFactory(age_band=AgeBand.UNDER_14),
    "moderator": lambda: ModeratorFactory(),
    "staff": lambda: StaffFactory(),
}
MAY_REPORT = {"citizen", "under_14", "moderator", "staff"}
MAY_MODERATE = {"moderator", "staff"}


def _reason():
    return HideReason.objects.create(title="규칙 위반", text="운영 원칙에 맞지 않아 숨겼습니다.")


def _action(name, make_post):
    """Return a callable doing `name` as `actor` on fresh content."""

    def run(actor):
        if name == "report":
            return report_create(reporter=actor, target=make_post(), reason=ReportReason.SPAM)
        if name == "hide":
            return content_hide(moderator=actor, target=make_post(), reason_template=_reason())
        if name == "restore":
            return content_restore(moderator=actor, target=make_post(state=ModerationState.HIDDEN))
        if name == "approve":
            return content_approve(moderator=actor, target=make_post(state=ModerationState.PENDING))
        if name == "edit":
            return content_edit(
                moderator=actor,
                target=make_post(),
                changes={"body": "수정된 본문"},
                reason_text="정리",
            )
        if name == "dismiss":
            return reports_dismiss(moderator=actor, target=make_post())
        if name == "block":
            return user_block(moderator=actor, user=UserFactory(), days=7, reason="광고")
        if name == "unblock":
            return user_unblock(moderator=actor, user=BlockedUserFactory())
        raise AssertionError(name)

    return run


ACTIONS = ["report", "hide", "restore", "approve", "edit", "dismiss", "block", "unblock"]


@pytest.mark.parametrize("role", list(ROLES))
@pytest.mark.parametrize("action", ACTIONS)
def test_permission_table(role, action, make_post):
    actor = ROLES[role]()
    allowed = role in (MAY_REPORT if action == "report" else MAY_MODERATE)
    run = _action(action, make_post)
    if allowed:
        assert run(actor) is not None
    else:
        with pytest.raises((PermissionDenied, PostingRefused)):
            run(actor)


def test_moderators_hold_moderation_permissions_only(moderator):
    expected = {
        f"{app}.{codename}"
        for app, codenames in MODERATOR_PERMISSIONS.items()
        for codename in codenames
    }
    assert moderator.get_all_permissions() == expected
    for forbidden in (
        "wagtailcore.change_page",
        "wagtailcore.publish_page",
        "wagtailsettings.change_setting",
        "problems.change_category",
        "accounts.change_user",
        "auth.change_group",
    ):
        assert not moderator.has_perm(forbidden)


@pytest.mark.parametrize(
    "url",
    ["/admin/users/", "/admin/groups/", "/admin/sites/", "/admin/snippets/problems/category/"],
)
def test_moderators_cannot_open_people_settings_or_categories(client, moderator, url):
    client.force_login(moderator)
    response = client.get(url)
    assert response.status_code in (302, 403, 404)
    if response.status_code == 302:
        assert (
            response["Location"] in ("/admin/", "/admin/login/") or "login" in response["Location"]
        )


def test_moderators_can_edit_hide_reason_templates(client, moderator):
    client.force_login(moderator)
    response = client.get("/admin/snippets/moderation/hidereason/")
    assert response.status_code == 200


def test_staff_can_open_both_the_queue_and_people(client, staff):
    client.force_login(staff)
    assert client.get("/admin/moderation/").status_code == 200
    assert client.get("/admin/users/").status_code == 200


@pytest.mark.parametrize("role", ROLES)
def test_the_moderate_permission_follows_the_role(role):
    """`moderation.moderate` (moderation/rules.py) is what views and services ask."""
    assert ROLES[role]().has_perm("moderation.moderate") is (role in MAY_MODERATE)

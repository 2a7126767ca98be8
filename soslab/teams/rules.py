"""Who may do what with teams: django-rules predicates registered as permissions, checked only
through `user.has_perm("teams.…", team)` / `{% has_perm %}`. Tested as a role x permission table
in tests/teams/test_rules.py.

Roles: anonymous, citizen, youth member (under 14 with or without recorded guardian consent),
team leader, mentor, staff coach, moderator, staff.
"""

import rules

from soslab.accounts.rules import is_moderator, is_staff

from .models import GuardianConsent, Membership, TeamRole

MANAGE_TEAM = "teams.manage_team"
SEE_TEAM_INSIDE = "teams.see_team_inside"
EDIT_TEAM_PROJECT = "teams.edit_team_project"
RECORD_CONSENT = "teams.record_consent"
RUN_LIVE_VOTE = "teams.run_live_vote"


@rules.predicate
def is_team_member(user, team):
    return Membership.objects.of(user, team) is not None


@rules.predicate
def is_team_leader(user, team):
    membership = Membership.objects.of(user, team)
    return bool(membership and membership.role == TeamRole.LEADER)


@rules.predicate
def has_consent(user):
    """True when `user` needs no guardian consent or it is recorded."""
    if not user.needs_guardian_consent:
        return True
    return GuardianConsent.objects.filter(user=user).exists()


# Leaders manage their team (invitations, join requests, starting the project page); staff
# manage every team.
rules.add_perm(MANAGE_TEAM, is_staff | is_team_leader)
# Members (of any role) and staff see the team from inside: every member, missing consents,
# draft project pages.
rules.add_perm(SEE_TEAM_INSIDE, is_staff | is_team_member)
# Members, mentors and coaches of the team edit its project page; under-14s only once their
# guardian's consent is recorded. Everyone else (other teams included) cannot.
rules.add_perm(EDIT_TEAM_PROJECT, is_staff | (is_team_member & has_consent))
rules.add_perm(RECORD_CONSENT, is_staff)
# Opening and closing the audience vote and entering jury scores: staff and moderators.
rules.add_perm(RUN_LIVE_VOTE, is_moderator)

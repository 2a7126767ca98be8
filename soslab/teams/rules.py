"""Who may do what with teams. Views, templates and services ask here; the rules live once.

Roles: anonymous, citizen, youth member (under 14 with or without recorded guardian consent),
team leader, mentor, staff coach, moderator, staff.
"""

from soslab.accounts.rules import user_is_moderator
from soslab.accounts.rules import user_is_staff as is_staff

from .models import GuardianConsent, Membership, TeamRole


def membership_of(user, team):
    if not user.is_authenticated:
        return None
    return Membership.objects.filter(team=team, user=user).first()


def can_manage_team(user, team):
    """Leaders manage their team (invitations, join requests); staff manage every team."""
    if is_staff(user):
        return True
    membership = membership_of(user, team)
    return bool(membership and membership.role == TeamRole.LEADER)


def has_consent(user):
    """True when `user` needs no guardian consent or it is recorded."""
    if not user.needs_guardian_consent:
        return True
    return GuardianConsent.objects.filter(user=user).exists()


def can_edit_team_project(user, team):
    """Members, mentors and coaches of the team edit its project page; under-14s only once their
    guardian's consent is recorded. Everyone else (other teams included) cannot."""
    if is_staff(user):
        return True
    membership = membership_of(user, team)
    return bool(membership and has_consent(user))


def can_record_consent(user):
    return is_staff(user)


def can_run_live_vote(user):
    """Opening and closing the audience vote and entering jury scores: staff and moderators."""
    return bool(user.is_authenticated and user_is_moderator(user))

"""Team services: every write about teams and memberships, their Wagtail editor group, guardian
consent (recorded, or asked for by email) and team notifications. Joining (invitations, join
requests) is soslab.teams.joining, the guardian's online answer soslab.teams.guardians, the live
audience vote soslab.teams.live_vote; project pages are cms.projects.services.

Keyword-only arguments, one transaction each. Views, the Wagtail admin and the demo loader call
these; none of them repeats the logic.
"""

from django.contrib.auth.models import Group, Permission
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.models import Collection, GroupCollectionPermission

from soslab.core.outbox import enqueue
from soslab.notifications.services import notify

from .models import (
    GuardianConsent,
    GuardianConsentRequest,
    GuardianRequestState,
    Membership,
    Team,
    TeamRole,
)
from .signals import team_editors_synced

TEAM_IMAGE_PERMISSIONS = ("add_image", "choose_image", "change_image")


class TeamActionRefused(Exception):
    """A team action that cannot happen; carries a translated message for the person."""

    def __init__(self, message, *, code, status=400):
        super().__init__(str(message))
        self.message = message
        self.code = code
        self.status = status


# --- Teams and memberships --------------------------------------------------------------------


def team_create(*, name, slug, leader, description="", created_by=None, round=None):  # noqa: A002
    """Create a team with `leader` as its first member, its editor group and image collection."""
    with transaction.atomic():
        team = Team.objects.create(
            name=name,
            slug=slug,
            description=description,
            created_by=created_by or leader,
            **({"round": round} if round is not None else {}),
        )
        Membership.objects.create(team=team, user=leader, role=TeamRole.LEADER)
        team_editors_sync(team=team)
    return team


def membership_add(*, team, user, role=TeamRole.MEMBER, company_name=""):
    """Add `user` to `team` (or update their role) and resync the team's editor group."""
    with transaction.atomic():
        membership, created = Membership.objects.get_or_create(
            team=team, user=user, defaults={"role": role, "company_name": company_name}
        )
        if not created and (membership.role, membership.company_name) != (role, company_name):
            membership.role = role
            membership.company_name = company_name
            membership.save(update_fields=["role", "company_name"])
        team_editors_sync(team=team)
    return membership


def membership_remove(*, membership):
    """Remove a member; they lose edit access to the team's project at once."""
    with transaction.atomic():
        team = membership.team
        membership.delete()
        team_editors_sync(team=team)


def _team_group_name(team):
    return f"Team {team.pk}: {team.name}"[:150]


def team_editors_sync(*, team):
    """Make the team's Wagtail group match its members who may publish.

    The group gets an image collection of its own; receivers of `team_editors_synced` add what
    else it needs (cms.projects gives it admin access and edit, not publish, permission on the
    team's project pages only, and only while the team has one). Under-14s without recorded
    guardian consent are left out. Safe to call any number of times.
    """
    with transaction.atomic():
        group = team.editor_group
        if group is None:
            group, _created = Group.objects.get_or_create(name=_team_group_name(team))
            team.editor_group = group
        if team.collection_id is None:
            root = Collection.get_first_root_node()
            team.collection = root.add_child(name=f"{team.name} ({team.slug})")
        team.save(update_fields=["editor_group", "collection"])

        for codename in TEAM_IMAGE_PERMISSIONS:
            permission = Permission.objects.get(
                content_type__app_label="wagtailimages", codename=codename
            )
            GroupCollectionPermission.objects.get_or_create(
                group=group, collection=team.collection, permission=permission
            )

        wanted = set(team.memberships.consented().values_list("user_id", flat=True))
        current = set(group.user_set.values_list("pk", flat=True))
        if current - wanted:
            group.user_set.remove(*(current - wanted))
        if wanted - current:
            group.user_set.add(*(wanted - current))
        team_editors_synced.send(sender=Team, team=team, group=group)
    return group


# --- Guardian consent (PIPA) --------------------------------------------------------------------


def guardian_consent_record(
    *, user, guardian_name, guardian_contact, method, given_at, recorded_by, note=""
):
    """Record (or correct) a guardian's consent for an under-14 member; from then on they are
    shown publicly and may edit their team's project."""
    with transaction.atomic():
        consent, _created = GuardianConsent.objects.update_or_create(
            user=user,
            defaults={
                "guardian_name": guardian_name,
                "guardian_contact": guardian_contact,
                "method": method,
                "given_at": given_at,
                "recorded_by": recorded_by,
                "recorded_at": timezone.now(),
                "note": note,
            },
        )
        for team in Team.objects.filter(memberships__user=user):
            team_editors_sync(team=team)
    return consent


def guardian_consent_request(*, child, guardian_email):
    """Ask `child`'s guardian for consent by email (an under-14 sign-up, or a member found to be
    under 14). A request still waiting for the same child is replaced. The email goes out after
    commit (task through the outbox)."""

    if not child.needs_guardian_consent:
        raise TeamActionRefused(
            _("Only members under 14 need a guardian's consent."), code="not_under_14"
        )
    with transaction.atomic():
        GuardianConsentRequest.objects.filter(
            user=child, state=GuardianRequestState.PENDING
        ).update(state=GuardianRequestState.WITHDRAWN, withdrawn_at=timezone.now())
        request = GuardianConsentRequest.objects.create(
            user=child, guardian_email=guardian_email.strip()
        )
        enqueue("soslab.teams.tasks.send_guardian_email", request.pk, 0)
    return request


# --- Team notifications --------------------------------------------------------------------------

TEAM_NOTIFICATION_KIND = "team"


def notify_people(people, *, message, url, actor=None):
    return notify(
        recipients=list(people),
        kind=TEAM_NOTIFICATION_KIND,
        target=None,
        message=message,
        actor=actor,
        url=url,
    )


def team_notify(*, team, message, url=None, roles=None, actor=None):
    """Tell a team's members (or only those with `roles`) something in-site (and by email if
    they chose it). The actor is never told of their own action."""
    memberships = Membership.objects.filter(team=team).select_related("user")
    if roles:
        memberships = memberships.filter(role__in=roles)
    return notify_people(
        [m.user for m in memberships],
        message=message,
        url=team.get_absolute_url() if url is None else url,
        actor=actor,
    )

"""Joining a team: single-use invitation links (random token, stored as its hash) and join
requests the leader answers. Keyword-only arguments, one transaction each."""

import datetime as dt
from dataclasses import dataclass

from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from soslab.accounts.permissions import check_can_post
from soslab.notifications.services import message_later

from .models import Invitation, JoinRequest, JoinRequestStatus, Membership, TeamRole
from .rules import MANAGE_TEAM
from .services import (
    TeamActionRefused,
    membership_add,
    notify_people,
    team_editors_sync,
    team_notify,
)
from .tokens import token_hash_of_link, token_new

INVITATION_DAYS = 7


@dataclass(frozen=True)
class IssuedInvitation:
    """A new invitation and its secret token: the only moment the token exists in clear."""

    invitation: Invitation
    token: str

    @property
    def path(self):
        return invitation_path(self.token)


def invitation_path(token):
    """The join link for a token (only the leader who created it ever sees it)."""
    return reverse("teams:invitation", kwargs={"token": token})


def invitation_create(*, team, created_by, role=TeamRole.MEMBER, company_name="", days=None):
    """A single-use invitation link to `team`, valid for `days` days (7 by default). Returns an
    IssuedInvitation: the token is random (secrets.token_urlsafe), stored only as its SHA-256
    hash, and cannot be derived from the invitation's id."""
    if created_by is not None:
        check_can_post(created_by)
    if role == TeamRole.LEADER:
        raise TeamActionRefused(_("Invitations cannot make someone a leader."), code="bad_role")
    days = INVITATION_DAYS if days is None else days
    token, hashed = token_new()
    with transaction.atomic():
        invitation = Invitation.objects.create(
            team=team,
            role=role,
            company_name=company_name,
            created_by=created_by,
            expires_at=timezone.now() + dt.timedelta(days=days),
            token_hash=hashed,
        )
    return IssuedInvitation(invitation=invitation, token=token)


def _invitation_refusal(invitation):
    """Why a found invitation cannot be used any more, or None."""
    if invitation.revoked_at is not None:
        return TeamActionRefused(
            _("This invitation was withdrawn. Ask the team leader for a new one."),
            code="invitation_revoked",
            status=410,
        )
    if invitation.used_at is not None:
        return TeamActionRefused(
            _("This invitation link has already been used. Ask the team leader for a new one."),
            code="invitation_used",
            status=410,
        )
    if invitation.expires_at <= timezone.now():
        return TeamActionRefused(
            _("This invitation link has expired. Ask the team leader for a new one."),
            code="invitation_expired",
            status=410,
        )
    return None


def invitation_from_token(token):
    """The Invitation a token opens, or TeamActionRefused if the link is unknown (including the
    old signed links), withdrawn, used or expired."""
    hashed = token_hash_of_link(token)
    invitation = (
        Invitation.objects.select_related("team").filter(token_hash=hashed).first()
        if hashed
        else None
    )
    if invitation is None:
        raise TeamActionRefused(
            _("This invitation link is not valid. Ask the team leader for a new one."),
            code="invitation_invalid",
            status=404,
        )
    refusal = _invitation_refusal(invitation)
    if refusal is not None:
        raise refusal
    return invitation


def invitation_accept(*, invitation, user):
    """Join the invitation's team and use the link up. Refused for expired, withdrawn or used
    links and for people who may not post; a member opening it again keeps one membership and
    leaves the link unused."""
    check_can_post(user)
    with transaction.atomic():
        locked = Invitation.objects.select_for_update().select_related("team").get(pk=invitation.pk)
        existing = Membership.objects.filter(team=locked.team, user=user).first()
        if existing:
            return existing
        refusal = _invitation_refusal(locked)
        if refusal is not None:
            raise refusal
        membership = Membership.objects.create(
            team=locked.team,
            user=user,
            role=locked.role,
            company_name=locked.company_name,
        )
        Invitation.objects.filter(pk=locked.pk).update(used_at=timezone.now(), used_by=user)
        JoinRequest.objects.filter(
            team=locked.team, user=user, status=JoinRequestStatus.PENDING
        ).update(status=JoinRequestStatus.APPROVED, decided_at=timezone.now())
        team_editors_sync(team=locked.team)
        team_notify(
            team=locked.team,
            message=message_later(
                _("%(name)s accepted an invitation and joined %(team)s."),
                name=user.public_name,
                team=locked.team.name,
            ),
            actor=user,
        )
    return membership


def invitation_revoke(*, invitation):
    with transaction.atomic():
        Invitation.objects.filter(pk=invitation.pk, revoked_at__isnull=True).update(
            revoked_at=timezone.now()
        )


# --- Join requests ------------------------------------------------------------------------------


def join_request_create(*, team, user, message=""):
    """Ask to join `team`; one pending request per person and team."""
    check_can_post(user)
    if Membership.objects.filter(team=team, user=user).exists():
        raise TeamActionRefused(
            _("You are already a member of this team."), code="already_member", status=409
        )
    try:
        with transaction.atomic():
            join_request = JoinRequest.objects.create(team=team, user=user, message=message.strip())
            team_notify(
                team=team,
                roles=(TeamRole.LEADER,),
                message=message_later(
                    _("%(name)s asked to join %(team)s."), name=user.public_name, team=team.name
                ),
                actor=user,
            )
            return join_request
    except IntegrityError as exc:
        raise TeamActionRefused(
            _("You have already asked to join this team. The leader will answer soon."),
            code="already_requested",
            status=409,
        ) from exc


def join_request_decide(*, join_request, actor, approve):
    """The leader (or staff) approves or declines a pending request; approving adds the member."""
    if not actor.has_perm(MANAGE_TEAM, join_request.team):
        raise TeamActionRefused(
            _("Only the team leader can answer join requests."), code="forbidden", status=403
        )
    check_can_post(actor)  # a blocked or unverified leader is read-only too
    with transaction.atomic():
        updated = JoinRequest.objects.filter(
            pk=join_request.pk, status=JoinRequestStatus.PENDING
        ).update(
            status=JoinRequestStatus.APPROVED if approve else JoinRequestStatus.DECLINED,
            decided_at=timezone.now(),
            decided_by=actor,
        )
        if not updated:
            raise TeamActionRefused(
                _("This request has already been answered."), code="already_decided", status=409
            )
        join_request.refresh_from_db()
        if approve:
            membership_add(team=join_request.team, user=join_request.user)
        team_name = join_request.team.name
        notify_people(
            [join_request.user],
            message=message_later(
                _("Your request to join %(team)s was accepted. Welcome to the team!")
                if approve
                else _("Your request to join %(team)s was declined."),
                team=team_name,
            ),
            url=join_request.team.get_absolute_url(),
            actor=actor,
        )
    return join_request

"""Team services: every write about teams, memberships, consent and invitations.

Keyword-only arguments, one transaction each. Views, the Wagtail admin and the demo loader call
these; none of them repeats the logic.
"""

import datetime as dt
import hashlib
import secrets
from dataclasses import dataclass

from django.contrib.auth.models import Group, Permission
from django.db import IntegrityError, transaction
from django.db.models import F
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission

from soslab.accounts.permissions import check_can_post
from soslab.core.outbox import enqueue
from soslab.moderation.roles import moderators_group

from .models import (
    ConsentMethod,
    GuardianConsent,
    GuardianConsentRequest,
    GuardianLink,
    GuardianLinkPurpose,
    GuardianRequestState,
    Invitation,
    JoinRequest,
    JoinRequestStatus,
    Membership,
    Team,
    TeamRole,
)

INVITATION_DAYS = 7
INVITATION_TOKEN_BYTES = 32  # 256 random bits, 43 URL-safe characters
INVITATION_TOKEN_MAX_LENGTH = 100
#: Page permissions a team's editor group holds on its own project page: edit and lock, never
#: publish (publishing goes through the moderation workflow).
TEAM_PAGE_PERMISSIONS = ("change_page", "lock_page", "unlock_page")
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

    Once the team has a project page, the group gets admin access and edit (not publish)
    permission on the team's project pages only; it always has an image collection of its own.
    Under-14s without recorded guardian consent are left out. Safe to call any number of times.
    """
    from cms.models.projects import ProjectPage

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

        page_permissions = list(
            Permission.objects.filter(
                content_type__app_label="wagtailcore", codename__in=TEAM_PAGE_PERMISSIONS
            )
        )
        project_ids = set(ProjectPage.objects.filter(team=team).values_list("pk", flat=True))
        # The admin opens only for a team with a project page to edit: a citizen who merely
        # joined a team gets no CMS (no /admin/, no editing bar).
        access_admin = Permission.objects.get(
            content_type__app_label="wagtailadmin", codename="access_admin"
        )
        if project_ids:
            group.permissions.add(access_admin)
        else:
            group.permissions.remove(access_admin)
        GroupPagePermission.objects.filter(group=group).exclude(page_id__in=project_ids).delete()
        for page_id in project_ids:
            for permission in page_permissions:
                GroupPagePermission.objects.get_or_create(
                    group=group, page_id=page_id, permission=permission
                )

        wanted = set(team.memberships.consented().values_list("user_id", flat=True))
        current = set(group.user_set.values_list("pk", flat=True))
        if current - wanted:
            group.user_set.remove(*(current - wanted))
        if wanted - current:
            group.user_set.add(*(wanted - current))
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


# --- Invitations --------------------------------------------------------------------------------


def _token_hash(token):
    return hashlib.sha256(token.encode()).hexdigest()


def _new_token_hash():
    """A hash nobody holds a token for (rows from before random tokens are parked on one)."""
    return _token_hash(secrets.token_urlsafe(INVITATION_TOKEN_BYTES))


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
    token = secrets.token_urlsafe(INVITATION_TOKEN_BYTES)
    with transaction.atomic():
        invitation = Invitation.objects.create(
            team=team,
            role=role,
            company_name=company_name,
            created_by=created_by,
            expires_at=timezone.now() + dt.timedelta(days=days),
            token_hash=_token_hash(token),
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
    token = str(token or "")
    invitation = None
    if 0 < len(token) <= INVITATION_TOKEN_MAX_LENGTH and token.isascii():
        invitation = (
            Invitation.objects.select_related("team").filter(token_hash=_token_hash(token)).first()
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
            message=_("%(name)s accepted an invitation and joined %(team)s.")
            % {"name": user.public_name, "team": locked.team.name},
            actor=user,
        )
    return membership


def invitation_revoke(*, invitation):
    with transaction.atomic():
        Invitation.objects.filter(pk=invitation.pk, revoked_at__isnull=True).update(
            revoked_at=timezone.now()
        )


# --- Team notifications --------------------------------------------------------------------------

TEAM_NOTIFICATION_KIND = "team"


def _notify_people(people, *, message, url, actor=None):
    from soslab.notifications.services import notify

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
    return _notify_people(
        [m.user for m in memberships],
        message=message,
        url=team.get_absolute_url() if url is None else url,
        actor=actor,
    )


def project_review_tell_team(*, page, approved, actor=None):
    """The team is told that its project page was approved (published) or sent back."""
    from django.urls import reverse

    team = page.team
    if team is None:
        return []
    if approved:
        message = _("Your project page “%(title)s” was approved and published.")
        url = page.get_url() or team.get_absolute_url()
    else:
        message = _("Your project page “%(title)s” was sent back for changes.")
        url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    return team_notify(team=team, message=message % {"title": page.title}, url=url, actor=actor)


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
                message=_("%(name)s asked to join %(team)s.")
                % {"name": user.public_name, "team": team.name},
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
    from .rules import can_manage_team

    if not can_manage_team(actor, join_request.team):
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
            message = _("Your request to join %(team)s was accepted. Welcome to the team!")
        else:
            message = _("Your request to join %(team)s was declined.")
        _notify_people(
            [join_request.user],
            message=message % {"team": join_request.team.name},
            url=join_request.team.get_absolute_url(),
            actor=actor,
        )
    return join_request


# --- Project pages --------------------------------------------------------------------------------


def project_page_create(*, team, title, summary, actor):
    """Create the team's project page as a private draft under the projects index and give the
    team's editor group edit permission on it."""
    from cms.models.projects import ProjectIndexPage, ProjectPage

    from .rules import can_manage_team

    if not can_manage_team(actor, team):
        raise TeamActionRefused(
            _("Only the team leader can start the team's project page."),
            code="forbidden",
            status=403,
        )
    check_can_post(actor)
    index = ProjectIndexPage.objects.first()
    if index is None:
        raise TeamActionRefused(
            _("Project pages are not set up yet. Please ask the SOS Lab staff."),
            code="no_index",
            status=409,
        )
    with transaction.atomic():
        page = ProjectPage(title=title, summary=summary, team=team, live=False, owner=actor)
        index.add_child(instance=page)
        page.save_revision(user=actor)
        team_editors_sync(team=team)
    return page


def project_problems_announce(*, project, actor=None):
    """Move each problem a published project addresses to "in a project" (timeline entry and
    followers notified by problem_status_change). Problems already in a project or closed are
    left alone, so publishing again changes nothing."""
    from soslab.problems.models import ProblemStatus
    from soslab.problems.services import problem_status_change

    before = (ProblemStatus.RECEIVED, ProblemStatus.REVIEWING, ProblemStatus.OPEN_FOR_IDEAS)
    changed = []
    with transaction.atomic():
        for problem in project.problems.select_for_update().filter(status__in=before):
            problem_status_change(
                problem=problem,
                status=ProblemStatus.IN_PROJECT,
                actor=actor,
                note=_("The maker team project “%(title)s” works on this problem.")
                % {"title": project.title},
            )
            changed.append(problem.pk)
    return changed


# --- Live audience vote -----------------------------------------------------------------------


def live_vote_open(*, event, actor, audience_weight=None):
    """Open (or reopen) the audience vote on the event's showcased projects."""
    from .models import LiveVote, LiveVoteOption, LiveVoteStatus
    from .rules import can_run_live_vote

    if not can_run_live_vote(actor):
        raise TeamActionRefused(
            _("Only staff can run the live vote."), code="forbidden", status=403
        )
    projects = event.showcased_projects()
    if not projects:
        raise TeamActionRefused(
            _("Add showcased projects to the event before opening the vote."),
            code="no_projects",
            status=409,
        )
    with transaction.atomic():
        vote, _created = LiveVote.objects.select_for_update().get_or_create(event=event)
        for position, project in enumerate(projects):
            LiveVoteOption.objects.update_or_create(
                vote=vote, project=project, defaults={"sort_order": position}
            )
        vote.status = LiveVoteStatus.OPEN
        vote.opened_at = vote.opened_at or timezone.now()
        vote.closed_at = None
        fields = ["status", "opened_at", "closed_at"]
        if audience_weight is not None:
            vote.audience_weight = audience_weight
            fields.append("audience_weight")
        vote.save(update_fields=fields)
    return vote


def live_vote_cast(*, vote, user, option_id):
    """One tap, one vote: one per account, only while the vote is open."""
    from .models import LiveBallot, LiveVote, LiveVoteOption

    check_can_post(user)
    if not vote.is_open:
        raise TeamActionRefused(_("The vote is not open."), code="vote_closed", status=409)
    option = LiveVoteOption.objects.filter(vote=vote, pk=option_id).first()
    if option is None:
        raise TeamActionRefused(
            _("Choose one of the projects shown."), code="unknown_project", status=400
        )
    try:
        with transaction.atomic():
            ballot = LiveBallot.objects.create(vote=vote, user=user, option=option)
            LiveVoteOption.objects.filter(pk=option.pk).update(
                audience_votes=F("audience_votes") + 1
            )
            LiveVote.objects.filter(pk=vote.pk).update(total_votes=F("total_votes") + 1)
    except IntegrityError as exc:
        raise TeamActionRefused(
            _("You have already voted. Thank you!"), code="already_voted", status=409
        ) from exc
    return ballot


def jury_score_set(*, vote, option, juror, score, actor):
    """Enter or correct one juror's score (0-100) for one project."""
    from .models import JuryScore
    from .rules import can_run_live_vote

    if not can_run_live_vote(actor):
        raise TeamActionRefused(
            _("Only staff can enter jury scores."), code="forbidden", status=403
        )
    if option.vote_id != vote.pk:
        raise TeamActionRefused(_("Choose one of the projects shown."), code="unknown_project")
    if not 0 <= int(score) <= 100:
        raise TeamActionRefused(_("A score must be between 0 and 100."), code="bad_score")
    with transaction.atomic():
        jury_score, _created = JuryScore.objects.update_or_create(
            vote=vote,
            option=option,
            juror=juror.strip(),
            defaults={"score": int(score), "entered_by": actor, "entered_at": timezone.now()},
        )
    return jury_score


def live_vote_ranking(vote):
    """The ranking as it stands: audience share, mean jury score and the weighted final score
    (0-100) per project, best first. Two queries whatever the number of projects."""
    from django.db.models import Avg, Count

    options = list(
        vote.options.select_related("project")
        .annotate(jury_mean=Avg("jury_scores__score"), jury_count=Count("jury_scores"))
        .order_by("sort_order", "pk")
    )
    total = sum(option.audience_votes for option in options)
    audience_weight = vote.audience_weight / 100
    rows = []
    for option in options:
        share = option.audience_votes / total if total else 0.0
        jury = (option.jury_mean or 0.0) / 100
        rows.append(
            {
                "option_id": option.pk,
                "project_id": option.project_id,
                "title": option.project.title,
                "url": option.project.url,
                "audience_votes": option.audience_votes,
                "audience_percent": round(share * 100, 1),
                "jury_mean": round(option.jury_mean, 1) if option.jury_mean is not None else None,
                "jury_count": option.jury_count,
                "score": round((audience_weight * share + (1 - audience_weight) * jury) * 100, 1),
            }
        )
    rows.sort(key=lambda row: (-row["score"], -row["audience_votes"], row["title"]))
    for position, row in enumerate(rows, start=1):
        row["rank"] = position
    return rows


def live_vote_close(*, vote, actor):
    """Close the vote and freeze the final ranking into the event page."""
    from .models import LiveVote, LiveVoteStatus
    from .rules import can_run_live_vote

    if not can_run_live_vote(actor):
        raise TeamActionRefused(
            _("Only staff can run the live vote."), code="forbidden", status=403
        )
    with transaction.atomic():
        vote = LiveVote.objects.select_for_update().get(pk=vote.pk)
        vote.status = LiveVoteStatus.CLOSED
        vote.closed_at = timezone.now()
        vote.outcome = live_vote_ranking(vote)
        vote.save(update_fields=["status", "closed_at", "outcome"])
    return vote


# --- Project review workflow -------------------------------------------------------------------

PROJECT_WORKFLOW_NAME = "Project review"


def project_review_workflow():
    """The "Project review" workflow (created by migration teams 0003; recreated if deleted)."""
    from wagtail.models import GroupApprovalTask, Workflow

    workflow = Workflow.objects.filter(name=PROJECT_WORKFLOW_NAME).first()
    if workflow is None:
        with transaction.atomic():
            task = GroupApprovalTask.objects.create(name="Staff approval of a project page")
            task.groups.add(moderators_group())
            workflow = Workflow.objects.create(name=PROJECT_WORKFLOW_NAME)
            workflow.workflow_tasks.create(task=task, sort_order=0)
    return workflow


def project_review_workflow_assign(*, index):
    """Make every project page under `index` go through staff review before publishing."""
    from wagtail.models import WorkflowPage

    with transaction.atomic():
        WorkflowPage.objects.update_or_create(
            page=index, defaults={"workflow": project_review_workflow()}
        )


# --- Guardian consent online ----------------------------------------------------------------------

GUARDIAN_LINK_DAYS = 7  # an answer link works this long; each reminder brings a new one
GUARDIAN_REMINDER_DAYS = (3, 7)  # reminders after these many days while the request waits


class GuardianLinkRefused(Exception):
    """A guardian link is unknown (404), or expired or already answered (410)."""

    def __init__(self, message, *, code, status):
        super().__init__(message)
        self.message = message
        self.code = code
        self.status = status


def _guardian_link(request, purpose, days=None):
    token = secrets.token_urlsafe(INVITATION_TOKEN_BYTES)
    GuardianLink.objects.create(
        request=request,
        purpose=purpose,
        token_hash=_token_hash(token),
        expires_at=timezone.now() + dt.timedelta(days=days) if days else None,
    )
    return token


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


def guardian_email_send(*, request_id, reminder=0):
    """Send the request email (reminder 0) or reminder 1 or 2, once each (idempotent: the
    reminder number is claimed with a conditional update first). New links in every email."""
    from django.conf import settings
    from django.core.mail import send_mail
    from django.template.loader import render_to_string
    from django.utils import translation

    with transaction.atomic():
        request = (
            GuardianConsentRequest.objects.select_for_update()
            .select_related("user")
            .filter(pk=request_id)
            .first()
        )
        if request is None or not request.guardian_email:
            return False
        if reminder:
            if request.state != GuardianRequestState.PENDING:
                return False
            claimed = GuardianConsentRequest.objects.filter(
                pk=request.pk, reminders_sent=reminder - 1
            ).update(reminders_sent=reminder)
            if not claimed:
                return False
        elif request.links.filter(purpose=GuardianLinkPurpose.ANSWER).exists():
            return False  # the first email was already sent
        answer = _guardian_link(request, GuardianLinkPurpose.ANSWER, days=GUARDIAN_LINK_DAYS)
        withdraw = _guardian_link(request, GuardianLinkPurpose.WITHDRAW)
        site = settings.SITE_URL.rstrip("/")
        context = {
            "child": request.user,
            "reminder": reminder,
            "answer_url": site + reverse("teams:guardian_answer", kwargs={"token": answer}),
            "withdraw_url": site + reverse("teams:guardian_withdraw", kwargs={"token": withdraw}),
            "days": GUARDIAN_LINK_DAYS,
        }
        with translation.override(settings.LANGUAGE_CODE):
            subject = _("Consent needed for your child on SOS Lab Jeonju")
            if reminder:
                subject = _("Reminder: consent needed for your child on SOS Lab Jeonju")
            send_mail(
                subject=str(settings.ACCOUNT_EMAIL_SUBJECT_PREFIX) + str(subject),
                message=render_to_string("teams/email/guardian_request.txt", context),
                from_email=None,
                recipient_list=[request.guardian_email],
            )
    return True


def guardian_reminders_due(*, now=None):
    """(request id, reminder number) for every waiting request whose next reminder is due."""
    now = now or timezone.now()
    due = []
    for number, days in enumerate(GUARDIAN_REMINDER_DAYS, start=1):
        rows = GuardianConsentRequest.objects.filter(
            state=GuardianRequestState.PENDING,
            user__guardian_consent__isnull=True,  # staff recorded a paper consent meanwhile
            reminders_sent=number - 1,
            created_at__lte=now - dt.timedelta(days=days),
        ).values_list("pk", flat=True)
        due += [(pk, number) for pk in rows]
    return due


def guardian_link_open(token, *, purpose):
    """The GuardianLink a token opens for `purpose`, or GuardianLinkRefused."""
    token = str(token or "")
    link = None
    if 0 < len(token) <= INVITATION_TOKEN_MAX_LENGTH and token.isascii():
        link = (
            GuardianLink.objects.select_related("request", "request__user")
            .filter(token_hash=_token_hash(token), purpose=purpose)
            .first()
        )
    if link is None:
        raise GuardianLinkRefused(
            _("This link is not valid. Please use the link in our latest email."),
            code="invalid",
            status=404,
        )
    if purpose == GuardianLinkPurpose.ANSWER:
        if link.request.state != GuardianRequestState.PENDING:
            raise GuardianLinkRefused(
                _("This request has already been answered. Thank you."), code="used", status=410
            )
        if link.expires_at and link.expires_at <= timezone.now():
            raise GuardianLinkRefused(
                _("This link has expired. Please use the link in our latest email."),
                code="expired",
                status=410,
            )
    return link


def guardian_answer(*, link, consent, guardian_name, relationship, ip_address, user_agent):
    """The guardian consents or refuses through their link; who, when and from where is kept.
    Consenting records the GuardianConsent (method: online) that lifts the restrictions."""
    now = timezone.now()
    with transaction.atomic():
        request = GuardianConsentRequest.objects.select_for_update().get(pk=link.request_id)
        if request.state != GuardianRequestState.PENDING:
            raise GuardianLinkRefused(
                _("This request has already been answered. Thank you."), code="used", status=410
            )
        request.state = GuardianRequestState.CONSENTED if consent else GuardianRequestState.REFUSED
        request.answered_at = now
        request.guardian_name = guardian_name
        request.relationship = relationship
        request.ip_address = ip_address or None
        request.user_agent = (user_agent or "")[:300]
        request.save()
        if consent:
            guardian_consent_record(
                user=request.user,
                guardian_name=guardian_name,
                guardian_contact=request.guardian_email,
                method=ConsentMethod.ONLINE,
                given_at=now,
                recorded_by=None,
                note=_("Given online"),
            )
            GuardianConsent.objects.filter(user=request.user).update(
                relationship=relationship,
                ip_address=request.ip_address,
                user_agent=request.user_agent,
            )
    return request


def guardian_withdraw(*, link):
    """The guardian withdraws consent (or the waiting request): the consent record goes and
    today's restrictions on the child apply again at once."""
    with transaction.atomic():
        request = GuardianConsentRequest.objects.select_for_update().get(pk=link.request_id)
        if request.state == GuardianRequestState.WITHDRAWN:
            return request
        request.state = GuardianRequestState.WITHDRAWN
        request.withdrawn_at = timezone.now()
        request.save(update_fields=["state", "withdrawn_at"])
        for consent in GuardianConsent.objects.filter(user_id=request.user_id):
            consent.delete()  # post_delete: the team editor groups are synced
    return request

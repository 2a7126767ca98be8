"""Moderation services: reporting, the queue's actions, appeals and pre-moderation.

Every write here is one function named <entity>_<action> with keyword-only arguments and one
transaction. Views, the Wagtail admin queue, bulk actions and the demo loader call these; none
repeats the logic. Every moderator action is recorded in Wagtail's audit log against the item's
ModerationCase (so moderators, who hold permissions on cases only, see it in the admin history)
and the person concerned is told after commit (in-site notification + email with an appeal link).
"""

import logging
from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import log

from soslab.accounts.permissions import check_can_post
from soslab.core import targets
from soslab.core.outbox import enqueue

from .models import (
    APPEALABLE_ACTIONS,
    Appeal,
    AppealStatus,
    CaseStatus,
    ContentEdit,
    Decision,
    DecisionAction,
    ModerationCase,
    ModerationState,
    Report,
    ReportReason,
    ReportStatus,
    user_is_moderator,
)
from .registry import is_moderated, moderated_models, text_fields

logger = logging.getLogger(__name__)

REPORT_TEXT_MAX = 1000


class ModerationRefused(Exception):
    """A moderation request that cannot be done; carries a translated message, a code and a status."""

    def __init__(self, message, *, code, status=400):
        super().__init__(str(message))
        self.message = message
        self.code = code
        self.status = status


# --- Pre-moderation ---------------------------------------------------------------------------


def published_post_count(author):
    """How many items this person already has published, across every kind of content."""
    return sum(
        model.objects.filter(author=author, moderation_state=ModerationState.PUBLISHED).count()
        for model in moderated_models()
    )


def new_content_state(*, author):
    """The moderation state a new item by `author` starts in.

    Pending (검토 대기 중) for members under 14 and for the first SOSLAB_PREMODERATE_FIRST_POSTS posts of
    a new account; published otherwise. Moderators and staff are never pre-moderated.
    """
    if user_is_moderator(author):
        return ModerationState.PUBLISHED
    if getattr(settings, "SOSLAB_PREMODERATE_UNDER_14", True) and author.needs_guardian_consent:
        return ModerationState.PENDING
    first_posts = getattr(settings, "SOSLAB_PREMODERATE_FIRST_POSTS", 2)
    if first_posts and published_post_count(author) < first_posts:
        return ModerationState.PENDING
    return ModerationState.PUBLISHED


# --- Helpers ----------------------------------------------------------------------------------


def report_threshold():
    """Distinct reporters after which an item is hidden pending review (setting, default 3)."""
    return max(1, int(getattr(settings, "SOSLAB_REPORT_THRESHOLD", 3)))


def _is_user(obj):
    return isinstance(obj, get_user_model())


def _author_of(obj):
    return obj if _is_user(obj) else getattr(obj, "author", None)


def _title_of(obj):
    return str(obj)[:200]


def _require_moderator(user):
    if user is None or not user_is_moderator(user):
        raise PermissionDenied(_("Only moderators and staff can do this."))


def _check_target(obj):
    if not (_is_user(obj) or is_moderated(type(obj))):
        raise ModerationRefused(
            _("This kind of item cannot be reported."), code="not_reportable", status=400
        )


def case_for(obj, *, lock=False):
    """The ModerationCase of `obj` (created, closed, when missing). Locked for update if asked."""
    content_type = ContentType.objects.get_for_model(obj)
    case, _created = ModerationCase.objects.get_or_create(
        content_type=content_type,
        object_id=obj.pk,
        defaults={
            "status": CaseStatus.CLOSED,
            "title": _title_of(obj),
            "author": _author_of(obj),
        },
    )
    if lock:
        case = ModerationCase.objects.select_for_update().get(pk=case.pk)
    return case


def _reopen(case, now):
    """Put a case back in the queue (keeping the original wait start if it is already waiting)."""
    if case.status != CaseStatus.OPEN:
        case.status = CaseStatus.OPEN
        case.waiting_since = now


def _close_if_nothing_waits(case):
    if not (
        case.open_report_count
        or case.awaiting_approval
        or case.has_open_appeal
        or case.flagged_by_system
    ):
        case.status = CaseStatus.CLOSED


def _log(case, action, *, user, data=None):
    log(case, action, user=user, data=data or {}, title=case.title or str(case))


def _set_state(obj, state, *, moderator, reason):
    obj.moderation_state = state
    obj.moderation_reason = str(reason)[:1000]
    obj.moderated_at = timezone.now()
    obj.moderated_by = moderator
    obj.save(
        update_fields=["moderation_state", "moderation_reason", "moderated_at", "moderated_by"]
    )


def _decide(case, action, *, moderator, reason="", tell=True):
    decision = Decision.objects.create(
        case=case, action=action, moderator=moderator, reason=str(reason)
    )
    if tell:

        enqueue("soslab.moderation.tasks.decision_tell_author", decision.pk)
    return decision


def _settle_reports(case, status):
    case.reports.filter(status=ReportStatus.OPEN).update(status=status)
    case.open_report_count = 0
    case.flagged_by_system = False


def _settle_appeals(case, status):
    case.appeals.filter(status=AppealStatus.OPEN).update(status=status, decided_at=timezone.now())
    case.has_open_appeal = False


# --- Reporting --------------------------------------------------------------------------------


def report_create(*, reporter, target, reason, text=""):
    """Record one person's report on `target` (content or a person); auto-hide at the threshold.

    Refuses (PostingRefused) people who may not post, and (ModerationRefused) a second report by
    the same person, reports on one's own content, and invalid reasons or text."""
    check_can_post(reporter)
    if not targets.is_visible(target, user=reporter, purpose=targets.REPORT):
        # Unregistered, invisible to this person or gone: the same answer as a missing item.
        raise ModerationRefused(_("Nothing to report here."), code="not_found", status=404)
    text = (text or "").strip()
    if reason not in ReportReason.values:
        raise ModerationRefused(_("Choose a reason for your report."), code="invalid_reason")
    if len(text) > REPORT_TEXT_MAX:
        raise ModerationRefused(
            _("Please keep the details under %(max)d characters.") % {"max": REPORT_TEXT_MAX},
            code="text_too_long",
        )
    if reason == ReportReason.OTHER and not text:
        raise ModerationRefused(
            _("Please say what is wrong when you choose “Other”."), code="text_required"
        )
    author = _author_of(target)
    if author is not None and author.pk == reporter.pk:
        raise ModerationRefused(
            _("You cannot report your own post or yourself."), code="own_content", status=403
        )
    if not _is_user(target) and not target.is_public:
        raise ModerationRefused(
            _("This is already waiting for review by our moderators."),
            code="already_under_review",
            status=409,
        )

    with transaction.atomic():
        case = case_for(target, lock=True)
        try:
            with transaction.atomic():
                report = Report.objects.create(
                    case=case, reporter=reporter, reason=reason, text=text
                )
        except IntegrityError:
            raise ModerationRefused(
                _("You have already reported this. Thank you: our moderators will look at it."),
                code="already_reported",
                status=409,
            ) from None
        now = timezone.now()
        _reopen(case, now)
        case.save(update_fields=["status", "waiting_since", "updated_at"])
        ModerationCase.objects.filter(pk=case.pk).update(
            open_report_count=F("open_report_count") + 1
        )
        case.refresh_from_db(fields=["open_report_count"])
        _log(case, "soslab_moderation.report", user=reporter, data={"reason": reason})
        if (
            not _is_user(target)
            and case.open_report_count >= report_threshold()
            and target.moderation_state == ModerationState.PUBLISHED
        ):
            _auto_hide(case, target)
    return report


def _auto_hide(case, target):
    _set_state(
        target,
        ModerationState.HIDDEN,
        moderator=None,
        reason=_("Hidden automatically after several reports, waiting for review."),
    )
    case.auto_hidden = True
    case.save(update_fields=["auto_hidden", "updated_at"])
    _log(case, "soslab_moderation.auto_hide", user=None, data={"reports": case.open_report_count})
    author = _author_of(target)
    if author is not None:

        enqueue("soslab.moderation.tasks.case_tell_auto_hidden", case.pk)


def report_flag_system(*, target, reason=ReportReason.PERSONAL_DATA, text=""):
    """Flag `target` for review by the system (e.g. published despite a personal-data warning).

    Idempotent: a second flag with the same reason while one is open adds nothing."""
    _check_target(target)
    with transaction.atomic():
        case = case_for(target, lock=True)
        if case.reports.filter(reporter=None, reason=reason, status=ReportStatus.OPEN).exists():
            return None
        report = Report.objects.create(case=case, reporter=None, reason=reason, text=text[:1000])
        _reopen(case, timezone.now())
        case.flagged_by_system = True
        case.save(update_fields=["status", "waiting_since", "flagged_by_system", "updated_at"])
        _log(case, "soslab_moderation.flag", user=None, data={"reason": reason})
    return report


def case_open_for_pending(*, target):
    """Put a pre-moderated (pending) item in the queue. Idempotent; called when content is saved."""
    with transaction.atomic():
        case = case_for(target, lock=True)
        if case.awaiting_approval and case.status == CaseStatus.OPEN:
            return case
        _reopen(case, timezone.now())
        case.awaiting_approval = True
        case.title = _title_of(target)
        case.save(
            update_fields=["status", "waiting_since", "awaiting_approval", "title", "updated_at"]
        )
    return case


def cases_sync_pending():
    """Queue every pending item that has no waiting case yet (content saved by bulk writes or
    before this app was installed). Two queries per registered model."""
    opened = 0
    for model in moderated_models():
        content_type = ContentType.objects.get_for_model(model)
        queued = set(
            ModerationCase.objects.filter(
                content_type=content_type, status=CaseStatus.OPEN, awaiting_approval=True
            ).values_list("object_id", flat=True)
        )
        for item in model.objects.filter(moderation_state=ModerationState.PENDING).exclude(
            pk__in=queued
        ):
            case_open_for_pending(target=item)
            opened += 1
    return opened


# --- Moderator actions on content -------------------------------------------------------------


def _compose_reason(reason_template, reason_text):
    parts = [reason_template.text if reason_template else "", (reason_text or "").strip()]
    return "\n\n".join(part for part in parts if part)


def content_hide(*, moderator, target, reason_template=None, reason_text=""):
    """Hide `target` with a reason the author is told (with a link to appeal once)."""
    _require_moderator(moderator)
    _check_target(target)
    reason = _compose_reason(reason_template, reason_text)
    if not reason:
        raise ModerationRefused(
            _("Choose a reason or write one: the author is told why."), code="reason_required"
        )
    with transaction.atomic():
        case = case_for(target, lock=True)
        _set_state(target, ModerationState.HIDDEN, moderator=moderator, reason=reason)
        _settle_reports(case, ReportStatus.UPHELD)
        _settle_appeals(case, AppealStatus.REJECTED)
        case.awaiting_approval = False
        case.auto_hidden = False
        case.status = CaseStatus.CLOSED
        case.save()
        decision = _decide(case, DecisionAction.HIDE, moderator=moderator, reason=reason)
        _log(
            case,
            "soslab_moderation.hide",
            user=moderator,
            data={"reason": reason, "template": getattr(reason_template, "title", "")},
        )
    return decision


def content_restore(*, moderator, target, reason_text=""):
    """Make hidden `target` public again; open reports are dismissed, open appeals upheld."""
    _require_moderator(moderator)
    _check_target(target)
    with transaction.atomic():
        case = case_for(target, lock=True)
        _set_state(target, ModerationState.PUBLISHED, moderator=moderator, reason="")
        _settle_reports(case, ReportStatus.DISMISSED)
        _settle_appeals(case, AppealStatus.UPHELD)
        case.awaiting_approval = False
        case.auto_hidden = False
        case.status = CaseStatus.CLOSED
        case.save()
        decision = _decide(case, DecisionAction.RESTORE, moderator=moderator, reason=reason_text)
        _log(case, "soslab_moderation.restore", user=moderator, data={"reason": reason_text})
    return decision


def content_approve(*, moderator, target):
    """Publish a pre-moderated (pending) item. Rejecting one is content_hide with a reason."""
    _require_moderator(moderator)
    _check_target(target)
    if target.moderation_state != ModerationState.PENDING:
        raise ModerationRefused(_("This is not waiting for approval."), code="not_pending")
    with transaction.atomic():
        case = case_for(target, lock=True)
        _set_state(target, ModerationState.PUBLISHED, moderator=moderator, reason="")
        case.awaiting_approval = False
        _close_if_nothing_waits(case)
        case.save()
        decision = _decide(case, DecisionAction.APPROVE, moderator=moderator)
        _log(case, "soslab_moderation.approve", user=moderator)
    return decision


def content_edit(*, moderator, target, changes, reason_text=""):
    """Edit citizen-written fields of `target`, keeping the original text (staff see a diff).

    `changes` maps field names (from the registry's text fields) to their new text. Fields whose
    text does not change are ignored. The moderation state and the case are left as they are."""
    _require_moderator(moderator)
    _check_target(target)
    allowed = set(text_fields(type(target)))
    unknown = set(changes) - allowed
    if unknown:
        raise ModerationRefused(
            _("These fields cannot be edited here: %(fields)s")
            % {"fields": ", ".join(sorted(unknown))},
            code="invalid_field",
        )
    changed = {
        name: value for name, value in changes.items() if (getattr(target, name) or "") != value
    }
    if not changed:
        raise ModerationRefused(_("Nothing was changed."), code="no_change")
    if not (reason_text or "").strip():
        raise ModerationRefused(
            _("Say why you edited it: the author is told."), code="reason_required"
        )
    with transaction.atomic():
        case = case_for(target, lock=True)
        decision = _decide(case, DecisionAction.EDIT, moderator=moderator, reason=reason_text)
        ContentEdit.objects.bulk_create(
            ContentEdit(
                decision=decision,
                field_name=name,
                original=getattr(target, name) or "",
                edited=value,
            )
            for name, value in changed.items()
        )
        for name, value in changed.items():
            setattr(target, name, value)
        target.save(update_fields=list(changed))
        case.title = _title_of(target)
        case.save(update_fields=["title", "updated_at"])
        _log(
            case,
            "soslab_moderation.edit",
            user=moderator,
            data={"reason": reason_text, "fields": sorted(changed)},
        )
    return decision


def reports_dismiss(*, moderator, target, reason_text=""):
    """Dismiss the open reports on `target`; an item hidden automatically by them is restored."""
    _require_moderator(moderator)
    _check_target(target)
    with transaction.atomic():
        case = case_for(target, lock=True)
        restored = False
        if (
            case.auto_hidden
            and not _is_user(target)
            and target.moderation_state == ModerationState.HIDDEN
        ):
            _set_state(target, ModerationState.PUBLISHED, moderator=moderator, reason="")
            restored = True
        _settle_reports(case, ReportStatus.DISMISSED)
        case.auto_hidden = False
        _close_if_nothing_waits(case)
        case.save()
        decision = _decide(
            case, DecisionAction.DISMISS, moderator=moderator, reason=reason_text, tell=restored
        )
        _log(
            case,
            "soslab_moderation.dismiss",
            user=moderator,
            data={"reason": reason_text, "restored": restored},
        )
    return decision


# --- People -----------------------------------------------------------------------------------


def user_block(*, moderator, user, days, reason):
    """Block `user` from every write (posting, commenting, supporting, voting, reporting) for
    `days` days. soslab.accounts.permissions enforces it; the person is told why and until when."""
    _require_moderator(moderator)
    if user_is_moderator(user):
        raise ModerationRefused(
            _("Moderators and staff cannot be blocked here."), code="cannot_block", status=403
        )
    reason = (reason or "").strip()
    if not reason:
        raise ModerationRefused(
            _("Say why: the person is told the reason."), code="reason_required"
        )
    try:
        days = int(days)
    except (TypeError, ValueError):
        days = 0
    if not 1 <= days <= 3650:
        raise ModerationRefused(
            _("Choose a block length between 1 and 3,650 days."), code="invalid_duration"
        )
    with transaction.atomic():
        user.blocked_until = timezone.now() + timedelta(days=days)
        user.block_reason = reason[:500]
        user.save(update_fields=["blocked_until", "block_reason"])
        case = case_for(user, lock=True)
        _settle_reports(case, ReportStatus.UPHELD)
        _close_if_nothing_waits(case)
        case.save()
        decision = _decide(case, DecisionAction.BLOCK, moderator=moderator, reason=reason)
        _log(
            case,
            "soslab_moderation.block",
            user=moderator,
            data={"reason": reason, "days": days, "until": user.blocked_until.isoformat()},
        )
    return decision


def user_unblock(*, moderator, user, reason_text=""):
    """Lift a block at once."""
    _require_moderator(moderator)
    with transaction.atomic():
        user.blocked_until = None
        user.block_reason = ""
        user.save(update_fields=["blocked_until", "block_reason"])
        case = case_for(user, lock=True)
        decision = _decide(case, DecisionAction.UNBLOCK, moderator=moderator, reason=reason_text)
        _log(case, "soslab_moderation.unblock", user=moderator, data={"reason": reason_text})
    return decision


# --- Appeals ----------------------------------------------------------------------------------


def appeal_create(*, author, decision, text):
    """The author asks once to reconsider a hide or edit decision; the appeal lands in the queue.

    Blocked people may still appeal (it is the only way to contest a decision)."""
    if not author.is_authenticated or decision.case.author_id != author.pk:
        raise PermissionDenied(_("Only the author can appeal this decision."))
    if decision.action not in APPEALABLE_ACTIONS:
        raise ModerationRefused(_("This decision cannot be appealed."), code="not_appealable")
    text = (text or "").strip()
    if not text:
        raise ModerationRefused(
            _("Please say why the decision should be reconsidered."), code="text_required"
        )
    if len(text) > REPORT_TEXT_MAX:
        raise ModerationRefused(
            _("Please keep the details under %(max)d characters.") % {"max": REPORT_TEXT_MAX},
            code="text_too_long",
        )
    with transaction.atomic():
        case = ModerationCase.objects.select_for_update().get(pk=decision.case_id)
        try:
            with transaction.atomic():
                appeal = Appeal.objects.create(
                    decision=decision, case=case, author=author, text=text
                )
        except IntegrityError:
            raise ModerationRefused(
                _("You have already appealed this decision."), code="already_appealed", status=409
            ) from None
        _reopen(case, timezone.now())
        case.has_open_appeal = True
        case.save(update_fields=["status", "waiting_since", "has_open_appeal", "updated_at"])
        _log(case, "soslab_moderation.appeal", user=author, data={"decision": decision.pk})
    return appeal


def appeal_reject(*, moderator, appeal, reason_text):
    """Keep the decision; the author is told why. Upholding an appeal is content_restore."""
    _require_moderator(moderator)
    if appeal.status != AppealStatus.OPEN:
        raise ModerationRefused(_("This appeal has already been decided."), code="decided")
    if not (reason_text or "").strip():
        raise ModerationRefused(
            _("Say why the decision stands: the author is told."), code="reason_required"
        )
    with transaction.atomic():
        case = ModerationCase.objects.select_for_update().get(pk=appeal.case_id)
        _settle_appeals(case, AppealStatus.REJECTED)
        _close_if_nothing_waits(case)
        case.save()
        decision = _decide(
            case, DecisionAction.APPEAL_REJECTED, moderator=moderator, reason=reason_text
        )
        _log(case, "soslab_moderation.appeal_reject", user=moderator, data={"reason": reason_text})
    return decision


# --- Telling people ---------------------------------------------------------------------------

_DECISION_MESSAGES = {
    DecisionAction.HIDE: _("Your post “%(title)s” has been hidden by a moderator."),
    DecisionAction.RESTORE: _("Your post “%(title)s” is visible again."),
    DecisionAction.EDIT: _("A moderator edited your post “%(title)s”."),
    DecisionAction.APPROVE: _("Your post “%(title)s” has been approved and is now public."),
    DecisionAction.DISMISS: _("Your post “%(title)s” is visible again."),
    DecisionAction.BLOCK: _("Your account has been blocked from posting."),
    DecisionAction.UNBLOCK: _("Your account can post again."),
    DecisionAction.APPEAL_REJECTED: _(
        "Your appeal about “%(title)s” was reviewed: the decision stands."
    ),
}


def _notify(*, recipient, target, message, actor=None):
    """In-site notification through the notifications app, if it is installed."""
    try:
        from soslab.notifications.services import notify
    except ImportError:  # pragma: no cover - the app is part of the platform
        logger.warning("notifications app missing; moderation notice not stored")
        return
    notify(recipients=[recipient], kind="moderation", target=target, message=message, actor=actor)


def decision_tell_author(*, decision):
    """Tell the person concerned about `decision`: an in-site notification and an email with the
    reason and, for hide and edit decisions, the link to appeal once. Idempotent (told_at)."""
    from django.core.mail import send_mail
    from django.template.loader import render_to_string

    with transaction.atomic():
        decision = (
            Decision.objects.select_for_update(of=("self",))
            .select_related("case", "case__author", "moderator")
            .get(pk=decision.pk)
        )
        recipient = decision.case.author
        if decision.told_at is not None or recipient is None:
            return False
        message = _DECISION_MESSAGES[decision.action] % {"title": decision.case.title}
        _notify(recipient=recipient, target=decision, message=message, actor=decision.moderator)
        url = settings.SITE_URL.rstrip("/") + decision.get_absolute_url()
        context = {"decision": decision, "message": message, "url": url, "person": recipient}
        if recipient.email:
            send_mail(
                subject=str(settings.ACCOUNT_EMAIL_SUBJECT_PREFIX) + str(message),
                message=render_to_string("moderation/email/decision.txt", context),
                from_email=None,
                recipient_list=[recipient.email],
            )
        decision.told_at = timezone.now()
        decision.save(update_fields=["told_at"])
    return True


def case_tell_auto_hidden(*, case):
    """Tell the author that their item is hidden while moderators review the reports."""
    if case.author is None:
        return
    _notify(
        recipient=case.author,
        target=None,
        message=_(
            "Your post “%(title)s” received several reports and is hidden until a moderator reviews it."
        )
        % {"title": case.title},
    )

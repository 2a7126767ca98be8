"""The moderation case of each item, and the steps every moderation write shares.

Each reported, flagged, pending or moderated item (or person) has one ModerationCase; the writes
in services (content actions), reports, appeals and blocks lock it, change it, record a Decision
and log to Wagtail's audit log through the helpers here."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import log

from soslab.core.outbox import enqueue

from .models import (
    AppealStatus,
    CaseStatus,
    Decision,
    ModerationCase,
    ModerationState,
    ReportStatus,
)
from .registry import is_moderated, moderated_models


class ModerationRefused(Exception):
    """A moderation request that cannot be done; carries a translated message, a code and a status."""

    def __init__(self, message, *, code, status=400):
        super().__init__(str(message))
        self.message = message
        self.code = code
        self.status = status


def report_threshold():
    """Distinct reporters after which an item is hidden pending review (setting, default 3)."""
    return max(1, int(getattr(settings, "SOSLAB_REPORT_THRESHOLD", 3)))


def is_person(obj):
    return isinstance(obj, get_user_model())


def author_of(obj):
    return obj if is_person(obj) else getattr(obj, "author", None)


def title_of(obj):
    return str(obj)[:200]


def require_moderator(user):
    if user is None or not user.has_perm("moderation.moderate"):
        raise PermissionDenied(_("Only moderators and staff can do this."))


def check_target(obj):
    if not (is_person(obj) or is_moderated(type(obj))):
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
            "title": title_of(obj),
            "author": author_of(obj),
        },
    )
    if lock:
        case = ModerationCase.objects.select_for_update().get(pk=case.pk)
    return case


def case_reopen(case, now):
    """Put a case back in the queue (keeping the original wait start if it is already waiting)."""
    if case.status != CaseStatus.OPEN:
        case.status = CaseStatus.OPEN
        case.waiting_since = now


def case_close_if_idle(case):
    if not (
        case.open_report_count
        or case.awaiting_approval
        or case.has_open_appeal
        or case.flagged_by_system
    ):
        case.status = CaseStatus.CLOSED


def case_log(case, action, *, user, data=None):
    log(case, action, user=user, data=data or {}, title=case.title or case.audit_label)


def state_set(obj, state, *, moderator, reason):
    obj.moderation_state = state
    obj.moderation_reason = str(reason)[:1000]
    obj.moderated_at = timezone.now()
    obj.moderated_by = moderator
    obj.save(
        update_fields=["moderation_state", "moderation_reason", "moderated_at", "moderated_by"]
    )


def decision_record(case, action, *, moderator, reason="", tell=True):
    decision = Decision.objects.create(
        case=case, action=action, moderator=moderator, reason=str(reason)
    )
    if tell:
        enqueue("soslab.moderation.tasks.decision_tell_author", decision.pk)
    return decision


def reports_settle(case, status):
    case.reports.filter(status=ReportStatus.OPEN).update(status=status)
    case.open_report_count = 0
    case.flagged_by_system = False


def appeals_settle(case, status):
    case.appeals.filter(status=AppealStatus.OPEN).update(status=status, decided_at=timezone.now())
    case.has_open_appeal = False


# --- Pre-moderated items wait in the queue ------------------------------------------------------


def case_open_for_pending(*, target):
    """Put a pre-moderated (pending) item in the queue. Idempotent; called when content is saved."""
    with transaction.atomic():
        case = case_for(target, lock=True)
        if case.awaiting_approval and case.status == CaseStatus.OPEN:
            return case
        case_reopen(case, timezone.now())
        case.awaiting_approval = True
        case.title = title_of(target)
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

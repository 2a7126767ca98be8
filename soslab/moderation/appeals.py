"""Appeals: the author asks once to reconsider a decision; a moderator rejects or upholds it."""

from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .cases import (
    ModerationRefused,
    appeals_settle,
    case_close_if_idle,
    case_log,
    case_reopen,
    decision_record,
    require_moderator,
)
from .models import APPEALABLE_ACTIONS, Appeal, AppealStatus, DecisionAction, ModerationCase
from .reports import REPORT_TEXT_MAX


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
        case_reopen(case, timezone.now())
        case.has_open_appeal = True
        case.save(update_fields=["status", "waiting_since", "has_open_appeal", "updated_at"])
        case_log(case, "soslab_moderation.appeal", user=author, data={"decision": decision.pk})
    return appeal


def appeal_reject(*, moderator, appeal, reason_text):
    """Keep the decision; the author is told why. Upholding an appeal is content_restore."""
    require_moderator(moderator)
    if appeal.status != AppealStatus.OPEN:
        raise ModerationRefused(_("This appeal has already been decided."), code="decided")
    if not (reason_text or "").strip():
        raise ModerationRefused(
            _("Say why the decision stands: the author is told."), code="reason_required"
        )
    with transaction.atomic():
        case = ModerationCase.objects.select_for_update().get(pk=appeal.case_id)
        appeals_settle(case, AppealStatus.REJECTED)
        case_close_if_idle(case)
        case.save()
        decision = decision_record(
            case, DecisionAction.APPEAL_REJECTED, moderator=moderator, reason=reason_text
        )
        case_log(
            case, "soslab_moderation.appeal_reject", user=moderator, data={"reason": reason_text}
        )
    return decision

"""Blocking a person from every write for a while, and lifting the block."""

from datetime import timedelta

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from soslab.accounts.rules import user_is_moderator

from .cases import (
    ModerationRefused,
    case_close_if_idle,
    case_for,
    case_log,
    decision_record,
    reports_settle,
    require_moderator,
)
from .models import DecisionAction, ReportStatus


def user_block(*, moderator, user, days, reason):
    """Block `user` from every write (posting, commenting, supporting, voting, reporting) for
    `days` days. soslab.accounts.permissions enforces it; the person is told why and until when."""
    require_moderator(moderator)
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
        reports_settle(case, ReportStatus.UPHELD)
        case_close_if_idle(case)
        case.save()
        decision = decision_record(case, DecisionAction.BLOCK, moderator=moderator, reason=reason)
        case_log(
            case,
            "soslab_moderation.block",
            user=moderator,
            data={"reason": reason, "days": days, "until": user.blocked_until.isoformat()},
        )
    return decision


def user_unblock(*, moderator, user, reason_text=""):
    """Lift a block at once."""
    require_moderator(moderator)
    with transaction.atomic():
        user.blocked_until = None
        user.block_reason = ""
        user.save(update_fields=["blocked_until", "block_reason"])
        case = case_for(user, lock=True)
        decision = decision_record(
            case, DecisionAction.UNBLOCK, moderator=moderator, reason=reason_text
        )
        case_log(case, "soslab_moderation.unblock", user=moderator, data={"reason": reason_text})
    return decision

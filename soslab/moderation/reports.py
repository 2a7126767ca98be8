"""Reports: a person reports an item or a person; the system flags an item for review."""

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from soslab.accounts.permissions import check_can_post
from soslab.core import targets
from soslab.core.outbox import enqueue
from soslab.core.targets import counter_add

from .cases import (
    ModerationRefused,
    author_of,
    case_for,
    case_log,
    case_reopen,
    check_target,
    is_person,
    report_threshold,
    state_set,
)
from .models import ModerationState, Report, ReportReason, ReportStatus

REPORT_TEXT_MAX = 1000


def _report_check(*, reporter, target, reason, text):
    """Refuse a report that cannot be made (see report_create); return the cleaned text."""
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
    author = author_of(target)
    if author is not None and author.pk == reporter.pk:
        raise ModerationRefused(
            _("You cannot report your own post or yourself."), code="own_content", status=403
        )
    if not is_person(target) and not target.is_public:
        raise ModerationRefused(
            _("This is already waiting for review by our moderators."),
            code="already_under_review",
            status=409,
        )
    return text


def report_create(*, reporter, target, reason, text=""):
    """Record one person's report on `target` (content or a person); auto-hide at the threshold.

    Refuses (PostingRefused) people who may not post, and (ModerationRefused) a second report by
    the same person, reports on one's own content, and invalid reasons or text."""
    text = _report_check(reporter=reporter, target=target, reason=reason, text=text)
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
        case_reopen(case, now)
        case.save(update_fields=["status", "waiting_since", "updated_at"])
        counter_add(case, "open_report_count", 1)
        case_log(case, "soslab_moderation.report", user=reporter, data={"reason": reason})
        if (
            not is_person(target)
            and case.open_report_count >= report_threshold()
            and target.moderation_state == ModerationState.PUBLISHED
        ):
            _auto_hide(case, target)
    return report


def _auto_hide(case, target):
    state_set(
        target,
        ModerationState.HIDDEN,
        moderator=None,
        reason=_("Hidden automatically after several reports, waiting for review."),
    )
    case.auto_hidden = True
    case.save(update_fields=["auto_hidden", "updated_at"])
    case_log(
        case, "soslab_moderation.auto_hide", user=None, data={"reports": case.open_report_count}
    )
    author = author_of(target)
    if author is not None:
        enqueue("soslab.moderation.tasks.case_tell_auto_hidden", case.pk)


def report_flag_system(*, target, reason=ReportReason.PERSONAL_DATA, text=""):
    """Flag `target` for review by the system (e.g. published despite a personal-data warning).

    Idempotent: a second flag with the same reason while one is open adds nothing."""
    check_target(target)
    with transaction.atomic():
        case = case_for(target, lock=True)
        if case.reports.filter(reporter=None, reason=reason, status=ReportStatus.OPEN).exists():
            return None
        report = Report.objects.create(case=case, reporter=None, reason=reason, text=text[:1000])
        case_reopen(case, timezone.now())
        case.flagged_by_system = True
        case.save(update_fields=["status", "waiting_since", "flagged_by_system", "updated_at"])
        case_log(case, "soslab_moderation.flag", user=None, data={"reason": reason})
    return report

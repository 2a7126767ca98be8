"""Moderation services: pre-moderation and the moderators' actions on content.

Every write in this package is one function named <entity>_<action> with keyword-only arguments
and one transaction: content actions here, reports in `reports`, appeals in `appeals`, blocks in
`blocks`, the case bookkeeping they share in `cases`, telling people in `notices`. Views, the
Wagtail admin queue, bulk actions and the demo loader call these; none repeats the logic. Every
moderator action is recorded in Wagtail's audit log against the item's ModerationCase (so
moderators, who hold permissions on cases only, see it in the admin history) and the person
concerned is told after commit (in-site notification + email with an appeal link).
"""

from django.conf import settings
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from soslab.accounts.rules import user_is_moderator

from .cases import (
    ModerationRefused,
    appeals_settle,
    case_close_if_idle,
    case_for,
    case_log,
    check_target,
    decision_record,
    is_person,
    reports_settle,
    require_moderator,
    state_set,
    title_of,
)
from .models import (
    AppealStatus,
    CaseStatus,
    ContentEdit,
    DecisionAction,
    ModerationState,
    ReportStatus,
)
from .registry import moderated_models, text_fields

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


# --- Moderator actions on content -------------------------------------------------------------


def _compose_reason(reason_template, reason_text):
    parts = [reason_template.text if reason_template else "", (reason_text or "").strip()]
    return "\n\n".join(part for part in parts if part)


def content_hide(*, moderator, target, reason_template=None, reason_text=""):
    """Hide `target` with a reason the author is told (with a link to appeal once)."""
    require_moderator(moderator)
    check_target(target)
    reason = _compose_reason(reason_template, reason_text)
    if not reason:
        raise ModerationRefused(
            _("Choose a reason or write one: the author is told why."), code="reason_required"
        )
    with transaction.atomic():
        case = case_for(target, lock=True)
        state_set(target, ModerationState.HIDDEN, moderator=moderator, reason=reason)
        reports_settle(case, ReportStatus.UPHELD)
        appeals_settle(case, AppealStatus.REJECTED)
        case.awaiting_approval = False
        case.auto_hidden = False
        case.status = CaseStatus.CLOSED
        case.save()
        decision = decision_record(case, DecisionAction.HIDE, moderator=moderator, reason=reason)
        case_log(
            case,
            "soslab_moderation.hide",
            user=moderator,
            data={"reason": reason, "template": getattr(reason_template, "title", "")},
        )
    return decision


def content_restore(*, moderator, target, reason_text=""):
    """Make hidden `target` public again; open reports are dismissed, open appeals upheld."""
    require_moderator(moderator)
    check_target(target)
    with transaction.atomic():
        case = case_for(target, lock=True)
        state_set(target, ModerationState.PUBLISHED, moderator=moderator, reason="")
        reports_settle(case, ReportStatus.DISMISSED)
        appeals_settle(case, AppealStatus.UPHELD)
        case.awaiting_approval = False
        case.auto_hidden = False
        case.status = CaseStatus.CLOSED
        case.save()
        decision = decision_record(
            case, DecisionAction.RESTORE, moderator=moderator, reason=reason_text
        )
        case_log(case, "soslab_moderation.restore", user=moderator, data={"reason": reason_text})
    return decision


def content_approve(*, moderator, target):
    """Publish a pre-moderated (pending) item. Rejecting one is content_hide with a reason."""
    require_moderator(moderator)
    check_target(target)
    if target.moderation_state != ModerationState.PENDING:
        raise ModerationRefused(_("This is not waiting for approval."), code="not_pending")
    with transaction.atomic():
        case = case_for(target, lock=True)
        state_set(target, ModerationState.PUBLISHED, moderator=moderator, reason="")
        case.awaiting_approval = False
        case_close_if_idle(case)
        case.save()
        decision = decision_record(case, DecisionAction.APPROVE, moderator=moderator)
        case_log(case, "soslab_moderation.approve", user=moderator)
    return decision


def content_edit(*, moderator, target, changes, reason_text=""):
    """Edit citizen-written fields of `target`, keeping the original text (staff see a diff).

    `changes` maps field names (from the registry's text fields) to their new text. Fields whose
    text does not change are ignored. The moderation state and the case are left as they are."""
    require_moderator(moderator)
    check_target(target)
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
        decision = decision_record(
            case, DecisionAction.EDIT, moderator=moderator, reason=reason_text
        )
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
        case.title = title_of(target)
        case.save(update_fields=["title", "updated_at"])
        case_log(
            case,
            "soslab_moderation.edit",
            user=moderator,
            data={"reason": reason_text, "fields": sorted(changed)},
        )
    return decision


def reports_dismiss(*, moderator, target, reason_text=""):
    """Dismiss the open reports on `target`; an item hidden automatically by them is restored."""
    require_moderator(moderator)
    check_target(target)
    with transaction.atomic():
        case = case_for(target, lock=True)
        restored = False
        if (
            case.auto_hidden
            and not is_person(target)
            and target.moderation_state == ModerationState.HIDDEN
        ):
            state_set(target, ModerationState.PUBLISHED, moderator=moderator, reason="")
            restored = True
        reports_settle(case, ReportStatus.DISMISSED)
        case.auto_hidden = False
        case_close_if_idle(case)
        case.save()
        decision = decision_record(
            case, DecisionAction.DISMISS, moderator=moderator, reason=reason_text, tell=restored
        )
        case_log(
            case,
            "soslab_moderation.dismiss",
            user=moderator,
            data={"reason": reason_text, "restored": restored},
        )
    return decision

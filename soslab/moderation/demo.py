"""Demo moderation: hide-reason templates, and (with demo accounts) a few reported, flagged and
pre-moderated items over whatever demo content exists, so a newcomer sees a working queue.

Idempotent: the templates are matched by title, and reports are made only if no demo account has
reported anything yet."""

from django.conf import settings
from django.contrib.auth import get_user_model

from .models import HideReason, ModerationState, Report, ReportReason
from .registry import moderated_models
from .services import ModerationRefused, cases_sync_pending, report_create, report_flag_system

HIDE_REASONS = [
    (
        "광고·스팸",
        "광고나 홍보 목적의 글로 보여 숨겼습니다. 지역 문제와 관련된 내용으로 다시 올려 주세요.",
    ),
    (
        "개인정보 노출",
        "전화번호, 주민등록번호, 이메일 등 개인정보가 포함되어 숨겼습니다. "
        "개인정보를 지운 뒤 다시 올려 주세요.",
    ),
    (
        "욕설·비방",
        "다른 사람을 비방하거나 욕설이 포함되어 숨겼습니다. 서로 존중하는 표현으로 다시 써 주세요.",
    ),
    (
        "주제와 맞지 않음",
        "SOS랩 전주의 지역 문제 해결과 관련이 없는 내용이라 숨겼습니다.",
    ),
]

REPORTERS = [
    "neighbour1@soslab.local",
    "neighbour2@soslab.local",
    "neighbour3@soslab.local",
    "citizen@soslab.local",
    "resident@soslab.local",
]

# (number of distinct reporters, reason, details) for the first public demo items.
SCENARIOS = [
    (3, ReportReason.SPAM, "같은 홍보 문구가 여러 글에 반복됩니다."),
    (2, ReportReason.ABUSIVE, "특정 주민을 비난하는 표현이 있습니다."),
    (1, ReportReason.OFF_TOPIC, "전주 지역 문제가 아닌 것 같습니다."),
]


def _candidates():
    items = []
    for model in moderated_models():
        items.extend(
            model.objects.filter(moderation_state=ModerationState.PUBLISHED)
            .select_related("author")
            .order_by("pk")[:6]
        )
    return items


def load(out):
    for order, (title, text) in enumerate(HIDE_REASONS):
        HideReason.objects.get_or_create(title=title, defaults={"text": text, "sort_order": order})
    summary = {"hide reasons": HideReason.objects.count()}
    if not settings.SOSLAB_DEMO_ACCOUNTS:
        return summary

    users = {user.email: user for user in get_user_model().objects.filter(email__in=REPORTERS)}
    reporters = [users[email] for email in REPORTERS if email in users]
    already = Report.objects.filter(reporter__email__in=REPORTERS).exists()
    if reporters and not already:
        items = iter(_candidates())
        for count, reason, details in SCENARIOS:
            item = next(items, None)
            if item is None:
                break
            eligible = [person for person in reporters if person.pk != item.author_id]
            for person in eligible[:count]:
                try:
                    report_create(reporter=person, target=item, reason=reason, text=details)
                except ModerationRefused:
                    break
        flagged = next(items, None)
        if flagged is not None:
            report_flag_system(
                target=flagged,
                text="개인정보 경고를 받고도 게시함: 휴대전화 번호",
            )
        if not any(
            model.objects.filter(moderation_state=ModerationState.PENDING).exists()
            for model in moderated_models()
        ):
            # Nothing pre-moderated in the demo content: let one item wait for approval, as a
            # new account's first post would.
            waiting = next(items, None)
            if waiting is not None:
                waiting.moderation_state = ModerationState.PENDING
                waiting.save(update_fields=["moderation_state"])
    summary["queued pending"] = cases_sync_pending()
    summary["reports"] = Report.objects.count()
    return summary

"""Demo moderation: (with demo accounts) a few reported, flagged and pre-moderated items over
whatever demo content exists, so a newcomer sees a working queue. The Moderators group and the
hide-reason templates are reference data (soslab.moderation.reference).

Idempotent: reports are made only if no demo account has reported anything yet."""

from django.conf import settings
from django.contrib.auth import get_user_model

from .cases import ModerationRefused, cases_sync_pending
from .models import ModerationState, Report, ReportReason
from .registry import moderated_models
from .reports import report_create, report_flag_system
from .roles import moderators_group

# The demo moderator account (made by soslab.accounts.demo) holds the moderators role.
MODERATOR = "moderator@soslab.local"

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
    summary = {}
    if not settings.SOSLAB_DEMO_ACCOUNTS:
        return summary

    moderator = get_user_model().objects.filter(email=MODERATOR).first()
    if moderator is not None:
        moderator.groups.add(moderators_group())
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

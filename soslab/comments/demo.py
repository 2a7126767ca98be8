"""Demo discussion: realistic Jeonju comments, replies, a staff comment, follows and a few
notifications on the demo problems and ideas. Idempotent: rows are looked up before creation and
counters move only when a row is created. Needs the demo people (SOSLAB_DEMO_ACCOUNTS)."""

from datetime import timedelta

from django.apps import apps
from django.conf import settings
from django.utils import timezone

from soslab.accounts.models import User
from soslab.core.targets import counter_add, target_content_type, target_url
from soslab.moderation.models import ModerationState
from soslab.notifications.models import Notification, NotificationKind
from soslab.notifications.services import follow_subscribe

from .models import Comment

# (author email, text, reply?) per thread; the first entry is the top-level comment.
THREADS = [
    [
        (
            "neighbour1@soslab.local",
            "저도 출퇴근길에 매일 지나는데 정말 위험해요. 특히 비 오는 날 저녁에는 운전자가 사람을 잘 못 봅니다.",
            False,
        ),
        (
            "resident@soslab.local",
            "맞아요. 아이들 하교 시간에는 보행 신호가 너무 짧아서 다 못 건너요.",
            True,
        ),
        (
            "staff@soslab.local",
            "현장 확인을 요청했습니다. 담당 부서 검토 결과가 나오면 이곳에 공식 답변으로 알려 드리겠습니다.",
            True,
        ),
    ],
    [
        (
            "neighbour2@soslab.local",
            "주말 오전에 사진 찍어서 추가해 볼게요. 위치는 편의점 앞 골목 맞죠?",
            False,
        ),
        ("citizen@soslab.local", "네, 편의점에서 10m쯤 안쪽이에요. 고맙습니다!", True),
    ],
    [
        (
            "teen@soslab.local",
            "학교 메이커 동아리에서 센서로 측정해 보면 어떨까요? 미세먼지 센서가 있어요.",
            False,
        ),
        (
            "mentor@soslab.local",
            "좋은 생각이에요. 측정 기간과 위치를 정해서 기록하면 아이디어 단계에서 근거로 쓸 수 있어요.",
            True,
        ),
    ],
    [
        (
            "neighbour3@soslab.local",
            "밤 9시 이후에는 가로등이 꺼진 구간이 있어서 더 어둡습니다. 같은 문제 겪는 분 계신가요?",
            False,
        ),
    ],
    [
        (
            "resident@soslab.local",
            "https://www.jeonju.go.kr 에 비슷한 민원이 예전에 있었다고 들었어요. 진행 상황이 궁금합니다.",
            False,
        ),
        ("neighbour1@soslab.local", "저도 궁금해요. 팔로우해 두었습니다.", True),
    ],
]


def _targets():
    found = []
    for label, count in (("problems.Problem", 10), ("ideas.Idea", 3)):
        try:
            model = apps.get_model(label)
        except LookupError:
            continue
        rows = model.objects.filter(moderation_state=ModerationState.PUBLISHED).order_by("pk")
        found.extend(rows[:count])
    return found


def load(out):
    if not settings.SOSLAB_DEMO_ACCOUNTS:
        return {"skipped": "demo accounts are off in these settings"}
    people = {user.email: user for user in User.objects.filter(email__endswith="@soslab.local")}
    targets = [target for target in _targets() if target_url(target)]
    if not people or not targets:
        return {"skipped": "no demo people or targets yet"}
    created = 0
    now = timezone.now()
    for index, target in enumerate(targets):
        thread = THREADS[index % len(THREADS)]
        content_type = target_content_type(target)
        base = getattr(target, "created_at", None) or now - timedelta(days=3)
        top = None
        for step, (email, body, is_reply) in enumerate(thread):
            author = people.get(email)
            if author is None:
                continue
            comment, was_created = Comment.objects.get_or_create(
                content_type=content_type,
                object_id=target.pk,
                author=author,
                body=body,
                defaults={
                    "parent": top if is_reply else None,
                    "created_at": min(now, base + timedelta(hours=5 * (step + 1))),
                    "is_staff_comment": author.is_staff,
                    "followers_notified_at": now,
                },
            )
            if was_created:
                created += 1
                counter_add(target, "comment_count", 1)
            follow_subscribe(user=author, target=target)
            if not is_reply:
                top = comment
        author = getattr(target, "author", None)
        if author is not None and thread[1:] and people.get(thread[-1][0]) is not None:
            last = people[thread[-1][0]]
            if last.pk != author.pk:
                Notification.objects.get_or_create(
                    recipient=author,
                    kind=NotificationKind.COMMENT,
                    content_type=content_type,
                    object_id=target.pk,
                    actor=last,
                    defaults={
                        "message": f"{last.public_name}님이 “{target}”에 댓글을 남겼습니다.",
                        "url": target_url(target),
                        "created_at": now - timedelta(hours=index + 1),
                        # Demo rows are never emailed.
                        "emailed_at": now,
                    },
                )
    return {"comments": Comment.objects.count(), "new": created}

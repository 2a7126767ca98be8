"""Demo people. Local-only: created only when settings.SOSLAB_DEMO_ACCOUNTS is on (dev settings)."""

from allauth.account.models import EmailAddress
from django.conf import settings
from django.utils import timezone

from .models import AgeBand, User
from .services import policy_accept

DEMO_PASSWORD = "soslab-demo-2026"  # noqa: S105 - local demo only, never created in production

DEMO_PEOPLE = [
    # email, display name, age band, role ("moderator": soslab.moderation.demo adds the group)
    ("staff@soslab.local", "SOS랩 운영팀", AgeBand.ADULT, "staff"),
    ("moderator@soslab.local", "모더레이터 김", AgeBand.ADULT, "moderator"),
    ("citizen@soslab.local", "전주시민 이수진", AgeBand.ADULT, "citizen"),
    ("resident@soslab.local", "효자동 주민 박민호", AgeBand.ADULT, "resident"),
    ("teen@soslab.local", "메이커 지우", AgeBand.TEEN, "citizen"),
    ("kid@soslab.local", "메이커 하늘", AgeBand.UNDER_14, "citizen"),
    ("mentor@soslab.local", "멘토 최대표", AgeBand.ADULT, "citizen"),
    ("neighbour1@soslab.local", "인후동 주민", AgeBand.ADULT, "citizen"),
    ("neighbour2@soslab.local", "서신동 주민", AgeBand.ADULT, "citizen"),
    ("neighbour3@soslab.local", "송천동 주민", AgeBand.ADULT, "citizen"),
]


def demo_user(email):
    return User.objects.get(email=email)


def load(out):
    if not settings.SOSLAB_DEMO_ACCOUNTS:
        return {"skipped": "demo accounts are off in these settings"}
    created = 0
    for email, name, band, role in DEMO_PEOPLE:
        user, was_created = User.objects.get_or_create(
            email=email,
            defaults={
                "username": email,
                "display_name": name,
                "age_band": band,
                "privacy_accepted_at": timezone.now(),
                "is_resident": role == "resident",
            },
        )
        if was_created:
            created += 1
            user.set_password(DEMO_PASSWORD)
            if role == "staff":
                user.is_staff = True
                user.is_superuser = True
            user.save()
        EmailAddress.objects.get_or_create(
            user=user, email=email, defaults={"verified": True, "primary": True}
        )
        policy_accept(user=user)  # the version in force (reference data), as sign-up does
    return {"people": User.objects.count(), "new": created}

"""Reference data every installation needs: the first privacy policy version people accept at
sign-up (the text is the /privacy/ page, cms.reference). Later versions are added by staff
(docs/privacy.md); this step never adds one once any exists."""

from .models import PolicyVersion

FIRST_VERSION = "2026-1"


def load(out):
    if not PolicyVersion.objects.exists():
        PolicyVersion.objects.create(version=FIRST_VERSION, changes="")
    return {"policy versions": PolicyVersion.objects.count()}

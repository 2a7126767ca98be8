"""media_sync: uploads from before private storage are moved into it; public objects published."""

from pathlib import Path

import pytest
from django.core.management import call_command

from soslab.core.media import private_storage, public_storage
from soslab.moderation.models import ModerationState
from soslab.problems.models import ProblemPhoto
from tests.problems.factories import ProblemFactory


@pytest.mark.django_db
@pytest.mark.parametrize(("state", "published"), [("published", True), ("pending", False)])
def test_legacy_files_move_to_private_and_only_public_ones_are_published(
    settings, state, published
):
    problem = ProblemFactory(moderation_state=ModerationState(state))
    names = ["problems/2025/01/legacy.jpg", "problems/2025/01/legacy_thumb.jpg"]
    for name in names:
        legacy = Path(settings.MEDIA_ROOT) / name
        legacy.parent.mkdir(parents=True, exist_ok=True)
        legacy.write_bytes(b"jpeg")
    ProblemPhoto.objects.bulk_create(  # rows as the old layout left them (no signals)
        [ProblemPhoto(problem=problem, image=names[0], thumbnail=names[1], width=4, height=3)]
    )
    call_command("media_sync", stdout=None)
    call_command("media_sync", stdout=None)  # idempotent
    for name in names:
        assert not (Path(settings.MEDIA_ROOT) / name).exists()
        assert private_storage().exists(name)
        assert public_storage().exists(name) is published
        public_storage().delete(name)
        private_storage().delete(name)

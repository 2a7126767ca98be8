import pytest


@pytest.fixture(autouse=True)
def _site_url(settings):
    """Absolute links come from SITE_URL, not from the request's host."""
    settings.SITE_URL = "https://sos.example.kr/"


@pytest.fixture(autouse=True)
def _private_media(settings, tmp_path):
    """Share images are cached under PRIVATE_MEDIA_ROOT; each test starts with none."""
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"

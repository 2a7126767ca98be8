import pytest


@pytest.fixture(autouse=True)
def _no_first_post_review(settings):
    """Comments posted here are published at once (the first-posts review is tested elsewhere)."""
    settings.SOSLAB_PREMODERATE_FIRST_POSTS = 0

import pytest
from wagtail.models import Page, Site


def _make_page(title, slug, live=True):
    site = Site.objects.get(is_default_site=True)
    page = Page(title=title, slug=slug, live=live)
    site.root_page.add_child(instance=page)
    return page


@pytest.fixture
def make_target(db):
    """Any model with get_url()/__str__ is a target; Wagtail pages exist in every test database."""
    counter = {"n": 0}

    def make(title="덕진동 횡단보도 토론", live=True):
        counter["n"] += 1
        return _make_page(title, f"target-{counter['n']}", live=live)

    return make


@pytest.fixture
def target(make_target):
    return make_target()


@pytest.fixture(autouse=True)
def _publish_immediately(settings):
    """Posts start published here; the pre-moderation path has its own tests."""
    settings.SOSLAB_PREMODERATE_FIRST_POSTS = 0

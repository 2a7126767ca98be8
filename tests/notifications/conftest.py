import pytest
from wagtail.models import Page, Site

from soslab.core import targets


def _make_page(title, slug, live=True):
    site = Site.objects.get(is_default_site=True)
    page = Page(title=title, slug=slug, live=live)
    site.root_page.add_child(instance=page)
    return page


@pytest.fixture(autouse=True)
def _pages_are_targets():
    """These suites test the generic machinery on plain Wagtail pages (they exist in every test
    database), registered here for the test's duration like any app registers its models."""
    targets.register(
        Page,
        purposes={targets.COMMENT, targets.FOLLOW, targets.NOTIFY},
        visible_to=lambda user: Page.objects.live().public(),
    )
    yield
    targets.unregister(Page)


@pytest.fixture
def make_target(db):
    """A live (or draft) Wagtail page, registered as a target by `_pages_are_targets`."""
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

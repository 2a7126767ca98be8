import pytest
from wagtail.models import Page, Site

from cms.models import HomePage


@pytest.fixture
def home_page(db):
    """A HomePage at the root of the default Site, built the way the demo loader builds it."""
    root = Page.get_first_root_node()
    home = HomePage(
        title="SOS랩 전주",
        slug="test-home",
        hero_title="우리 동네 문제, 함께 풀어요",
        hero_title_en="Solve our neighbourhood's problems together",
    )
    root.add_child(instance=home)
    site = Site.objects.get(is_default_site=True)
    site.root_page = home
    site.save()
    return home

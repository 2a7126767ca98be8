"""Reference data every installation needs: the page tree: the home page as the Site's root, the
rounds, projects and results indexes, and the legal and service pages (/privacy/, /terms/,
/accessibility/, /contact/). Run by `manage.py load_reference_data`."""

from wagtail.models import Page

from .editorial.tree import home_page_ensure, legal_pages_ensure
from .projects.tree import project_index_ensure
from .results.tree import results_index_ensure
from .rounds.tree import round_index_ensure


def page_tree_ensure():
    """The whole tree every installation needs. Returns {name: page}."""
    return {
        "home": home_page_ensure(),
        "rounds": round_index_ensure(),
        "projects": project_index_ensure(),
        "results": results_index_ensure(),
        **legal_pages_ensure(),
    }


def load(out):
    page_tree_ensure()
    return {"pages": Page.objects.count()}

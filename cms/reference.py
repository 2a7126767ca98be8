"""Reference data every installation needs: the page tree (cms.pages): the home page as the
Site's root, the rounds, projects and results indexes, and the legal and service pages
(/privacy/, /terms/, /accessibility/, /contact/). Run by `manage.py load_reference_data`."""

from wagtail.models import Page

from .pages import page_tree_ensure


def load(out):
    page_tree_ensure()
    return {"pages": Page.objects.count()}

"""Demo page tree: the same tree every installation gets (cms.reference); the demo pages below the
indexes come from the feature loaders cms.rounds.demo, cms.projects.demo and cms.results.demo."""

from wagtail.models import Page

from .reference import page_tree_ensure


def load(out):
    page_tree_ensure()
    return {"pages": Page.objects.count()}

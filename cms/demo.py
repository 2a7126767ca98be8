"""Demo page tree: the same tree every installation gets (cms.pages); the demo pages below the
indexes come from soslab.ideas.demo (rounds) and soslab.teams.demo (projects, events)."""

from wagtail.models import Page

from .pages import page_tree_ensure


def load(out):
    page_tree_ensure()
    return {"pages": Page.objects.count()}

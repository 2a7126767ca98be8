"""The pages' entries join the one search index (soslab.core.search), registered from
CmsConfig.ready(): the lower layer never imports cms, so cms tells it about its model and how to
rebuild it."""

from soslab.core import search


def register_pages():
    from .models import PageSearchEntry
    from .services import page_entries_rebuild

    search.register(PageSearchEntry, rebuild=page_entries_rebuild)

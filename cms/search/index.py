"""The pages' entries join the one search index (soslab.core.search), registered from
CmsConfig.ready(): the lower layer never imports cms, so cms tells it about its model.

`manage.py search_rebuild` (core) walks every registration: it takes the rows from `queryset()`
and re-analyses `parts(row)`. Entries are not rows core can recompute alone (a page published
while signals were off has none), so this registration's `queryset()` first rewrites the entries
from the live pages (`page_entries_rebuild`), then hands them over."""

from soslab.core import search


def _entries_rebuilt():
    from .models import PageSearchEntry
    from .services import page_entries_rebuild

    page_entries_rebuild()
    return PageSearchEntry.objects.all()


def register_pages():
    from .models import PageSearchEntry

    search.register(
        PageSearchEntry,
        parts=lambda entry: (entry.title, entry.text),
        queryset=_entries_rebuilt,
        tie_break=("-updated_at", "-pk"),
    )

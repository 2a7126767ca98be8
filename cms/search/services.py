"""Writes of the pages' search entries: `page_entry_sync` (one page, after any save, publish,
unpublish) and `page_entries_rebuild` (every page; core's `search_rebuild` calls it through the
hook registered in CmsConfig.ready()). Both read the page row from the database, which holds the
live content only (a draft lives in its revision), so a draft's words never reach the index."""

import html

from django.db import transaction
from django.utils.html import strip_tags

from cms.projects.models import ProjectPage
from cms.results.models import ResultsEventPage
from cms.rounds.models import RoundPage
from soslab.core.search import index_text

from .models import PageKind, PageSearchEntry

#: The page types search covers, and their kind.
PAGE_KINDS = {
    RoundPage: PageKind.ROUND,
    ProjectPage: PageKind.PROJECT,
    ResultsEventPage: PageKind.RESULTS,
}
#: Keys of StreamField values that are never text a reader sees.
_NOT_TEXT = {"type", "id", "image", "photo", "url", "lat", "lon", "quantity"}


def plain(value):
    """Editor HTML (rich text) as plain text, entities decoded, whitespace collapsed."""
    # A space before each tag: "<h2>A</h2><p>B</p>" is "A B", not "AB".
    return " ".join(html.unescape(strip_tags(str(value or "").replace("<", " <"))).split())


def stream_text(raw):
    """Every text a StreamField's raw data holds (headings, rich text, captions, table cells)."""
    if isinstance(raw, str):
        return [plain(raw)]
    if isinstance(raw, dict):
        return [
            part for key, item in raw.items() if key not in _NOT_TEXT for part in stream_text(item)
        ]
    if isinstance(raw, list | tuple):
        return [part for item in raw for part in stream_text(item)]
    return []


def _round_parts(page):
    return [page.intro, page.intro_en]


def _project_parts(page):
    parts = [page.summary, *stream_text(list(page.body.raw_data))]
    parts += [page.outcome_what_changed, page.outcome_reach]
    if page.team_id:
        parts.append(page.team.name)
    for update in page.updates.order_by("-date", "-pk"):
        parts += [update.title, update.text]
    return parts


def _results_parts(page):
    parts = [page.intro, page.venue_name, page.venue_address]
    for item in page.schedule_items.order_by("sort_order", "pk"):
        parts += [item.title, item.description]
    return parts


_PARTS = {
    PageKind.ROUND: _round_parts,
    PageKind.PROJECT: _project_parts,
    PageKind.RESULTS: _results_parts,
}


def page_text(page, kind):
    """The page's searchable plain text (its title excepted), in reading order."""
    return " ".join(part for part in (plain(p) for p in _PARTS[kind](page)) if part)


def _model_of(page_or_class):
    cls = page_or_class if isinstance(page_or_class, type) else type(page_or_class)
    for model, kind in PAGE_KINDS.items():
        if issubclass(cls, model):
            return model, kind
    return None, None


def page_entry_sync(*, page):
    """Bring `page`'s entry in step with its row: written from the live content while the page is
    live, removed otherwise. Pages of other types are ignored. Returns the entry or None."""
    model, kind = _model_of(page)
    if model is None:
        return None
    with transaction.atomic():
        row = model.objects.filter(pk=page.pk).first()
        if row is None or not row.live:
            PageSearchEntry.objects.filter(page_id=page.pk).delete()
            return None
        return _write(row, kind)


def _write(row, kind):
    text = page_text(row, kind)
    entry, _created = PageSearchEntry.objects.update_or_create(
        page_id=row.pk,
        defaults={
            "kind": kind,
            "title": row.title,
            "text": text,
            "search_text": index_text(row.title, text),
        },
    )
    return entry


def page_entries_rebuild():
    """Rewrite every entry from the pages' rows (live pages get one, the rest none). Returns the
    number of entries written."""
    written = 0
    with transaction.atomic():
        PageSearchEntry.objects.exclude(page__live=True).delete()
        for model, kind in PAGE_KINDS.items():
            for row in model.objects.live().iterator():
                _write(row, kind)
                written += 1
    return written

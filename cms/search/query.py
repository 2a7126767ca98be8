"""What /search/ finds, kind by kind, through the one index (soslab.core.search).

Each `Kind` says which rows anyone may see (the same rule as that kind's own pages: problems and
ideas `.public()`, ideas only under a live public round, pages live and without a view
restriction) narrowed by the filters, how to load them for display and how to show one. Counting
and listing run on those rows only, so hidden, pending or private content is neither counted nor
shown, and its words never reach a snippet.

Queries per request are constant: one to learn the view restrictions, then per kind the index's
"any exact match?" probe (soslab.core.search falls back to partial matches without one), a capped
count, and the rows of one page (or the first rows of each kind on the "all" tab) with their
related rows joined."""

from dataclasses import dataclass, field
from typing import Any

from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from soslab.core.search import filter_matching, highlight, matching, rank_matching
from soslab.ideas.models import Idea
from soslab.problems.filters import STATUS_OPEN
from soslab.problems.listing import CappedPaginator
from soslab.problems.models import OPEN_STATUSES, Problem

from .models import PageKind, PageSearchEntry

PAGE_SIZE = 20
#: Results each kind shows on the "all" tab before its "all N" link.
PREVIEW_SIZE = 3
TITLE_LENGTH = 300


@dataclass(frozen=True)
class Filters:
    """The cleaned query: words, kind ("" for all), category, dong, status, page number."""

    q: str = ""
    kind: str = ""
    category: Any = None
    dong: Any = None
    status: str = ""
    page: int = 1

    @property
    def narrows_places(self):
        """Filters only problems have (dong and status): they leave no idea or page."""
        return bool(self.dong or self.status)


@dataclass
class Result:
    """One found item as the page shows it; `title` and `snippet` are escaped, marked HTML."""

    kind: str
    title: Any
    url: str
    snippet: Any
    meta: list = field(default_factory=list)
    when: Any = None


def _problem_rows(filters, public_pages):
    rows = Problem.objects.public()
    if filters.category is not None:
        rows = rows.filter(category=filters.category)
    if filters.dong is not None:
        rows = rows.filter(dong=filters.dong)
    if filters.status == STATUS_OPEN:
        rows = rows.filter(status__in=OPEN_STATUSES)
    elif filters.status:
        rows = rows.filter(status=filters.status)
    return rows


def _problem_result(problem, q, request):
    meta = [problem.category.localized_name, problem.get_status_display()]
    if problem.dong_id:
        meta.insert(1, problem.dong.name)
    return Result(
        kind="problems",
        title=highlight(problem.title, q, length=TITLE_LENGTH),
        url=problem.get_absolute_url(),
        snippet=highlight(problem.description, q),
        meta=meta,
        when=problem.created_at,
    )


def _idea_rows(filters, public_pages):
    if filters.narrows_places:
        return Idea.objects.none()
    rows = Idea.objects.public().filter(round__live=True, round_id__in=public_pages)
    if filters.category is not None:
        rows = rows.filter(category=filters.category)
    return rows


def _idea_result(idea, q, request):
    round_page = idea.round
    url = round_page.get_url(request) or ""
    url += round_page.reverse_subpage("idea_detail", kwargs={"idea_id": idea.pk})
    return Result(
        kind="ideas",
        title=highlight(idea.title, q, length=TITLE_LENGTH),
        url=url,
        snippet=highlight(f"{idea.summary}\n{idea.description}", q),
        meta=[idea.category.localized_name, round_page.title, idea.get_status_display()],
        when=idea.created_at,
    )


def _page_rows(kind):
    def rows(filters, public_pages):
        if filters.category is not None or filters.narrows_places:
            return PageSearchEntry.objects.none()
        return PageSearchEntry.objects.filter(kind=kind, page_id__in=public_pages)

    return rows


def _page_result(entry, q, request):
    return Result(
        kind=entry.kind,
        title=highlight(entry.title, q, length=TITLE_LENGTH),
        url=entry.page.get_url(request) or "",
        snippet=highlight(entry.text, q),
        meta=[entry.get_kind_display()],
        when=entry.page.last_published_at,
    )


@dataclass(frozen=True)
class Kind:
    key: str
    label: Any
    rows: Any  # (filters, public page ids) -> the visible rows the filters leave
    display: Any  # queryset -> queryset with what a result shows joined
    result: Any  # (row, q, request) -> Result


KINDS = [
    Kind(
        "problems",
        _("Problems"),
        _problem_rows,
        lambda rows: rows.select_related("category", "dong"),
        _problem_result,
    ),
    Kind(
        "ideas",
        _("Ideas"),
        _idea_rows,
        lambda rows: rows.select_related("category", "round"),
        _idea_result,
    ),
    Kind(
        "projects",
        _("Projects"),
        _page_rows(PageKind.PROJECT),
        lambda rows: rows.select_related("page"),
        _page_result,
    ),
    Kind(
        "results",
        _("Results-sharing events"),
        _page_rows(PageKind.RESULTS),
        lambda rows: rows.select_related("page"),
        _page_result,
    ),
    Kind(
        "rounds",
        _("Rounds"),
        _page_rows(PageKind.ROUND),
        lambda rows: rows.select_related("page"),
        _page_result,
    ),
]
KINDS_BY_KEY = {kind.key: kind for kind in KINDS}


@dataclass
class Found:
    """Everything the page shows for one query."""

    counts: list  # [(Kind, count, truncated)] in tab order
    page: Any = None  # the Django Page of results on a kind's tab
    listed_fewer: bool = False  # that kind's pages list fewer results than it counts
    results: list = field(default_factory=list)  # that page's Results
    sections: list = field(default_factory=list)  # [(Kind, count, [Result])] on the "all" tab

    @property
    def total(self):
        return sum(count for _kind, count, _truncated in self.counts)

    @property
    def truncated(self):
        return any(truncated for _kind, _count, truncated in self.counts)


def _counted(kind, rows, q):
    """(paginator of the ranked rows, count, truncated). When core ranked only a window of a
    broad match (soslab.core.search.matching.RANK_WINDOW rows, SQLite with thousands of index
    matches), the pages list that window and the count comes from all the matching rows (two
    more queries, only then)."""
    window = matching.RANK_WINDOW
    ranked = rank_matching(rows, q)
    pages = max(window // PAGE_SIZE, 1)
    paginator = CappedPaginator(kind.display(ranked), PAGE_SIZE, max_pages=pages)
    if paginator.count < pages * PAGE_SIZE:
        return paginator, paginator.count, paginator.truncated
    everything = CappedPaginator(filter_matching(rows, q), PAGE_SIZE)
    return paginator, everything.count, everything.truncated


def search(filters, request):
    """Counts per kind and the results the filters ask for (see the module's query budget)."""
    # Built once: Wagtail reads the view restrictions when the queryset is made (one query);
    # every kind then uses it as a subquery.
    public_pages = Page.objects.live().public().values("pk")
    paginators = {}
    counts = []
    for kind in KINDS:
        paginator, count, truncated = _counted(kind, kind.rows(filters, public_pages), filters.q)
        paginators[kind.key] = paginator
        counts.append((kind, count, truncated))
    found = Found(counts=counts)
    if filters.kind:
        kind = KINDS_BY_KEY[filters.kind]
        paginator = paginators[kind.key]
        found.page = paginator.get_page(filters.page)
        found.results = [kind.result(row, filters.q, request) for row in found.page.object_list]
        counted = next(count for each, count, _truncated in counts if each is kind)
        found.listed_fewer = counted > paginator.count
        return found
    for kind, count, _truncated in counts:
        if count:
            rows = paginators[kind.key].object_list[:PREVIEW_SIZE]
            found.sections.append((kind, count, [kind.result(r, filters.q, request) for r in rows]))
    return found

"""/search/ (the page) and /opensearch.xml (so browsers offer the site's search).

Not cached: results read problems, ideas and pages, of which only problems have a page-cache
version (soslab.core.page_cache), and searches are a long tail that a cache would rarely hit.
The page costs a constant number of queries instead (query.py; tests/search_page)."""

from django.conf import settings
from django.shortcuts import render
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from .forms import KIND_CHOICES, Q_MAX_LENGTH, SearchForm
from .query import Filters, search

#: The parameters the page reads, in the order its links write them.
PARAMS = ("q", "kind", "category", "dong", "status", "page")


def _link(params, **changes):
    """/search/ with `params` (cleaned strings) changed; empty values are left out."""
    merged = {**params, **changes}
    query = urlencode([(name, merged[name]) for name in PARAMS if merged.get(name)])
    return f"/search/?{query}" if query else "/search/"


def _filters(form):
    data = form.cleaned_data
    return Filters(
        q=data["q"],
        kind=data.get("kind") or "",
        category=data.get("category"),
        dong=data.get("dong"),
        status=data.get("status") or "",
        page=data.get("page") or 1,
    )


def _params(filters):
    return {
        "q": filters.q,
        "kind": filters.kind,
        "category": filters.category.slug if filters.category else "",
        "dong": filters.dong.code if filters.dong else "",
        "status": filters.status,
    }


def _active_filters(form, filters, params):
    """(label, chosen value, link without it) for each filter in use: the "remove" links."""
    chosen = {
        "category": filters.category.localized_name if filters.category else "",
        "dong": str(filters.dong) if filters.dong else "",
        "status": str(dict(form.fields["status"].choices).get(filters.status, "")),
    }
    return [
        (form.fields[name].label, chosen[name], _link(params, **{name: ""}))
        for name in ("category", "dong", "status")
        if params[name]
    ]


def _tabs(found, filters, params):
    tabs = [(_("All results"), "", found.total if found else 0, False)]
    if found:
        tabs += [(kind.label, kind.key, count, cut) for kind, count, cut in found.counts]
    return [
        {
            "label": label,
            "count": count,
            "truncated": cut,
            "url": _link(params, kind=key),
            "current": key == filters.kind,
        }
        for label, key, count, cut in tabs
    ]


@require_GET
def search_page(request):
    """The search form, the counts per kind, and the results; bad input answers 400 with the
    form and what to fix, before any search runs."""
    form = SearchForm(request.GET)
    if not form.is_valid():
        context = {"form": form, "q_max_length": Q_MAX_LENGTH}
        return render(request, "search/search.html", context, status=400)
    filters = _filters(form)
    params = _params(filters)
    found = search(filters, request) if filters.q else None
    active = _active_filters(form, filters, params)
    context = {
        "form": form,
        "filters": filters,
        "found": found,
        "tabs": _tabs(found, filters, params),
        "active_filters": active,
        "clear_filters_url": _link(params, category="", dong="", status="") if active else "",
        "all_kinds_url": _link(params, kind="") if filters.kind else "",
        "kind_label": dict(KIND_CHOICES).get(filters.kind, ""),
        "sections": [
            (kind, count, results, _link(params, kind=kind.key))
            for kind, count, results in (found.sections if found else [])
        ],
        "q_max_length": Q_MAX_LENGTH,
    }
    return render(request, "search/search.html", context)


@require_GET
def opensearch(request):
    """The OpenSearch description: browsers add the site's search from the head's link."""
    context = {
        "site_url": settings.SITE_URL.rstrip("/"),
        # Here, not in the .xml template, which makemessages does not read.
        "short_name": _("SOS Lab Jeonju"),
        "description": _(
            "Search local problems, ideas, projects and results-sharing events of SOS Lab Jeonju."
        ),
    }
    return render(
        request,
        "search/opensearch.xml",
        context,
        content_type="application/opensearchdescription+xml; charset=utf-8",
    )

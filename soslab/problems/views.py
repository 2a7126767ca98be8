"""Problem pages: the list, a problem's page, supports and the author's edit. Reporting is in
report_views.py, staff actions and "still there?" in staff_views.py. Every write goes through a
service; permissions are checked with has_perm (rules.py)."""

import copy

from django.contrib import messages
from django.http import (
    HttpResponse,
    HttpResponseForbidden,
    HttpResponseRedirect,
    JsonResponse,
    QueryDict,
)
from django.middleware.csrf import get_token
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from soslab.accounts.decorators import posting_required
from soslab.accounts.permissions import PostingRefused
from soslab.core import page_cache
from soslab.core.http import json_error, wants_json
from soslab.core.ratelimit import client_ip
from soslab.moderation.screening import ScreeningRefused

from . import listing, services
from .filters import SORT_NEAREST, filter_problems
from .forms import AnswerForm, DuplicateForm, ProblemEditForm, StatusChangeForm, StillThereForm
from .listing import CappedPaginator, nearest_rows, requested_page
from .models import LIST_CACHE, Problem, TimelineEntry
from .similar import similar_problems
from .supports import support_add, support_remove, supported_ids

PAGE_SIZE = 20


def _safe_next(request, fallback):
    target = request.POST.get("next") or request.GET.get("next")
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return fallback


# --- List --------------------------------------------------------------------------------------


#: The query parameters the list reads; any other is left out of the cache key and the links.
LIST_PARAMS = ("q", "category", "status", "dong", "tag", "sort", "near", "page")


def _list_query(params):
    """Only the list's own parameters, first value each, in a fixed order."""
    query = QueryDict(mutable=True)
    for name in LIST_PARAMS:
        value = params.get(name)
        if value not in (None, ""):
            query[name] = value
    return query


def _list_body(request, query):
    """The cacheable list fragment (_problem_list_body.html) for the cleaned `query`."""
    queryset, cleaned = filter_problems(Problem.objects.public(), query)
    queryset = queryset.with_list_data()
    rows = None
    if cleaned["sort"] == SORT_NEAREST:
        rows = nearest_rows(queryset, *cleaned["near"])
    paginator = CappedPaginator(queryset, PAGE_SIZE, rows=rows)
    asked = requested_page(query.get("page"))
    page = paginator.get_page(asked)
    fragment_request = copy.copy(request)  # links keep only the list's own parameters
    fragment_request.GET = query
    return render_to_string(
        "problems/_problem_list_body.html",
        {
            "page": page,
            "problems": page.object_list,
            "filters": cleaned,
            "filter_form": cleaned["form"],
            "max_pages": listing.MAX_PAGES,
            "beyond_last_page": asked > paginator.num_pages and paginator.truncated,
        },
        request=fragment_request,
    )


#: Stands for the visitor's CSRF token in a whole page cached for anonymous visitors.
CSRF_PLACEHOLDER = "\x00csrf-token\x00"


def _anonymous_page(request, query, fragment, version):
    """The whole page for anonymous visitors without messages, whose query holds only the list's
    own parameters (so nothing else from the URL is baked in), cached beside the fragment; the
    CSRF token (language switcher) is put in per request. None when it does not apply."""
    if request.user.is_authenticated or len(messages.get_messages(request)):
        return None
    if len(request.GET) != len(query) or any(request.GET.get(k) != v for k, v in query.items()):
        return None
    page = page_cache.get_or_render(
        LIST_CACHE,
        ("page", get_language(), request.get_host(), request.is_secure(), query.urlencode()),
        lambda: render(
            request,
            "problems/problem_list.html",
            {"list_html": fragment(), "csrf_token": CSRF_PLACEHOLDER},
        ).content.decode(),
        version=version,
    )
    return HttpResponse(page.replace(CSRF_PLACEHOLDER, get_token(request)))


@require_GET
def problem_list(request):
    """The same fragment for everyone (page_cache, version LIST_CACHE): a new problem, a support,
    a moderator's hide or an answer shows on the next request, whoever asks. Anonymous visitors
    get the whole page from the cache; others get the fragment inside their own header."""
    query = _list_query(request.GET)
    version = page_cache.current(LIST_CACHE)

    def fragment():
        body = page_cache.get_or_render(
            LIST_CACHE,
            ("list", get_language(), query.urlencode()),
            lambda: _list_body(request, query),
            version=version,
        )
        return mark_safe(body)  # noqa: S308 - our own rendered template

    response = _anonymous_page(request, query, fragment, version)
    if response is not None:
        return response
    return render(request, "problems/problem_list.html", {"list_html": fragment()})


# --- Detail ------------------------------------------------------------------------------------


def _get_problem(pk):
    return get_object_or_404(
        Problem.objects.select_related(
            "category", "dong", "author", "duplicate_of"
        ).prefetch_related("tags", "photos"),
        pk=pk,
    )


@require_GET
def problem_detail(request, pk):
    problem = _get_problem(pk)
    if not request.user.has_perm("problems.view_problem_thread", problem):
        return render(request, "problems/problem_unavailable.html", {"problem": problem})
    user = request.user
    is_staff = user.has_perm("problems.change_problem_status", problem)
    context = {
        "problem": problem,
        "answers": problem.answers.select_related("author"),
        "timeline": TimelineEntry.objects.filter(problem=problem).select_related("actor"),
        "supported": problem.pk in supported_ids(user, [problem]),
        "can_support": problem.is_public and problem.is_open,
        "is_staff": is_staff,
        "still_there_form": StillThereForm()
        if problem.still_there_asked_at and user.has_perm("problems.answer_still_there", problem)
        else None,
    }
    if is_staff:
        context["status_form"] = StatusChangeForm(initial={"status": problem.status})
        context["answer_form"] = AnswerForm(problem=problem)
        context["duplicate_form"] = DuplicateForm()
        context["answer_templates"] = context["answer_form"].fields["template"].queryset
    lat, lon, _approximate = problem.public_point
    if lat is not None:
        # From the published point: distances from the exact one would reveal it.
        context["similar"] = similar_problems(
            lat=lat, lon=lon, category=problem.category, exclude_pk=problem.pk
        )[:3]
    return render(request, "problems/problem_detail.html", context)


# --- Supports ----------------------------------------------------------------------------------


@require_POST
@posting_required
def problem_support(request, pk):
    """Add (action=add, the default) or withdraw (action=remove) a 공감."""
    problem = get_object_or_404(Problem.objects.visible_to(request.user), pk=pk)
    action = request.POST.get("action", "add")
    try:
        change = support_remove if action == "remove" else support_add
        changed = change(problem=problem, user=request.user, client_ip=client_ip(request))
    except PostingRefused as exc:
        if wants_json(request):
            return json_error(exc.message, code=exc.code, status=exc.status)
        messages.error(request, exc.message)
        return HttpResponseRedirect(_safe_next(request, problem.get_absolute_url()))
    problem.refresh_from_db(fields=["support_count"])
    supported = action != "remove"
    if wants_json(request):
        return JsonResponse(
            {"supported": supported, "changed": changed, "support_count": problem.support_count}
        )
    if changed:
        messages.success(
            request,
            _("You support this problem.") if supported else _("You withdrew your support."),
        )
    return HttpResponseRedirect(_safe_next(request, problem.get_absolute_url()))


# --- Editing -----------------------------------------------------------------------------------


@posting_required
def problem_edit(request, pk):
    problem = _get_problem(pk)
    if not request.user.has_perm("problems.edit_problem", problem):
        return HttpResponseForbidden(_("You cannot edit this problem."))
    if request.method == "POST":
        form = ProblemEditForm(request.POST)
        if form.is_valid():
            data = form.cleaned_data
            try:
                services.problem_edit(
                    problem=problem,
                    editor=request.user,
                    title=data["title"],
                    description=data["description"],
                    category=data["category"],
                    tags=data["tags"],
                    location_text=data["location_text"],
                )
            except ScreeningRefused as exc:
                form.add_error(exc.field, exc.message)
            except PostingRefused as exc:
                form.add_error(None, exc.message)
            else:
                messages.success(request, _("Your changes are saved."))
                return redirect(problem)
        status = 400
    else:
        form = ProblemEditForm(
            initial={
                "title": problem.title,
                "description": problem.description,
                "category": problem.category,
                "tags": ", ".join(problem.tags.names()),
                "location_text": problem.location_text,
            }
        )
        status = 200
    return render(
        request, "problems/problem_edit.html", {"form": form, "problem": problem}, status=status
    )

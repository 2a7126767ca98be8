"""Problem pages: list, report (two steps when similar problems exist), detail, supports, staff
actions, the author's "still there?" answer, and a small JSON endpoint for live duplicate
suggestions. Every write goes through services.py; permissions come from rules.py."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpResponseForbidden, HttpResponseRedirect, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from geo import boundaries
from soslab.accounts.decorators import posting_required
from soslab.accounts.permissions import PostingRefused
from soslab.core import params, ratelimit
from soslab.core.http import json_error, wants_json
from soslab.core.images import ImageRejected, process_upload
from soslab.core.media import private_storage

from . import rules, services
from .filters import filter_problems
from .forms import (
    AnswerForm,
    DuplicateForm,
    ProblemEditForm,
    ProblemForm,
    StatusChangeForm,
    StillThereForm,
)
from .models import MAX_PHOTOS, Category, Problem, Support, TimelineEntry

PAGE_SIZE = 20
DRAFT_SESSION_KEY = "problem_draft_photos"


def _safe_next(request, fallback):
    target = request.POST.get("next") or request.GET.get("next")
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return fallback


# --- List --------------------------------------------------------------------------------------


@require_GET
def problem_list(request):
    queryset, cleaned = filter_problems(Problem.objects.public(), request.GET)
    paginator = Paginator(queryset.with_list_data(), PAGE_SIZE)
    page = paginator.get_page(request.GET.get("page"))
    problems = list(page.object_list)
    supported = set()
    if request.user.is_authenticated and problems:
        supported = set(
            Support.objects.filter(
                user=request.user, problem_id__in=[p.pk for p in problems]
            ).values_list("problem_id", flat=True)
        )
    return render(
        request,
        "problems/problem_list.html",
        {
            "page": page,
            "problems": problems,
            "filters": cleaned,
            "filter_form": cleaned["form"],
            "supported_ids": supported,
            "categories": Category.objects.all(),
        },
    )


# --- Reporting ---------------------------------------------------------------------------------


def _draft_photos(request):
    return list(request.session.get(DRAFT_SESSION_KEY, []))


def _store_draft_photos(request, processed):
    drafts = _draft_photos(request)
    for image in processed:
        drafts.append(
            {
                # Private storage: a draft is never reachable by URL (soslab.core.media).
                "image": private_storage().save(f"problems/drafts/{image.name}", image.image),
                "thumbnail": private_storage().save(
                    f"problems/drafts/{image.thumbnail_name}", image.thumbnail
                ),
                "width": image.width,
                "height": image.height,
            }
        )
    request.session[DRAFT_SESSION_KEY] = drafts[:MAX_PHOTOS]
    return request.session[DRAFT_SESSION_KEY]


def _clear_draft(request, *, delete_files):
    for draft in request.session.pop(DRAFT_SESSION_KEY, []):
        if delete_files:
            for name in (draft["image"], draft["thumbnail"]):
                private_storage().delete(name)


def _process_photos(form):
    processed = []
    for upload in form.cleaned_data.get("photos") or []:
        try:
            processed.append(process_upload(upload))
        except ImageRejected as exc:
            form.add_error(
                "photos",
                _("%(name)s: %(reason)s") % {"name": upload.name, "reason": exc.message},
            )
    return processed


@posting_required
def problem_create(request):
    """Step 1: the form. Step 2 (only when similar open problems are nearby): show them with
    "공감하기" buttons and a button to post anyway; the typed values travel in hidden fields and
    the photos wait in the session, so nothing is lost and nothing needs JavaScript."""
    if request.method == "GET":
        _clear_draft(request, delete_files=True)
        initial = {}
        if request.GET.get("category"):
            initial["category"] = Category.objects.filter(slug=request.GET["category"]).first()
        return render(request, "problems/problem_form.html", {"form": ProblemForm(initial=initial)})

    if request.POST.get("clear_photos"):
        _clear_draft(request, delete_files=True)
    drafts = _draft_photos(request)
    form = ProblemForm(request.POST, request.FILES, kept_photos=len(drafts), author=request.user)
    form.is_valid()
    if "photos" not in form.errors:
        # Photos are kept even when another field needs fixing: people re-select nothing.
        processed = _process_photos(form)
        if processed:
            drafts = _store_draft_photos(request, processed)
    if not form.is_valid():
        return render(
            request,
            "problems/problem_form.html",
            {"form": form, "kept_photos": drafts},
            status=400,
        )

    data = form.cleaned_data
    if not request.POST.get("confirmed"):
        lat, lon = data["lat"], data["lon"]
        if lat is None and data["dong"] is not None:
            # Without a map point, look around the chosen dong's representative point.
            lat, lon = data["dong"].rep_lat, data["dong"].rep_lon
        similar = services.similar_problems(
            lat=lat, lon=lon, category=data["category"], title=data["title"]
        )
        if similar:
            supported = set(
                Support.objects.filter(
                    user=request.user, problem_id__in=[p.pk for p in similar]
                ).values_list("problem_id", flat=True)
            )
            return render(
                request,
                "problems/problem_similar.html",
                {
                    "form": form,
                    "similar": similar,
                    "kept_photos": drafts,
                    "supported_ids": supported,
                },
            )

    try:
        ratelimit.hit(request, "problem_create")
    except ratelimit.RateLimited as exc:
        # Keep what was typed (and the photos) on the form instead of a bare 429 page.
        minutes = max(1, round(exc.retry_after / 60))
        form.add_error(
            None,
            _("You are doing that too often. Please try again in about %(minutes)d minutes.")
            % {"minutes": minutes},
        )
        response = render(
            request,
            "problems/problem_form.html",
            {"form": form, "kept_photos": drafts},
            status=429,
        )
        response["Retry-After"] = str(exc.retry_after)
        return response
    try:
        problem = services.problem_create(
            author=request.user,
            title=data["title"],
            description=data["description"],
            category=data["category"],
            tags=data["tags"],
            lat=data["lat"],
            lon=data["lon"],
            dong=data["dong"],
            location_text=data["location_text"],
            photos=drafts,
        )
        form.flag_personal_data(problem)  # published despite the personal-data warning
    except PostingRefused as exc:
        form.add_error(None, exc.message)
        return render(
            request,
            "problems/problem_form.html",
            {"form": form, "kept_photos": drafts},
            status=exc.status,
        )
    _clear_draft(request, delete_files=False)
    if problem.is_public:
        messages.success(request, _("Thank you. Your report is published and you follow it."))
    else:
        messages.success(
            request,
            _("Thank you. Your report will appear after a quick review; you follow it already."),
        )
    return redirect(problem)


@require_GET
def problem_similar_json(request):
    """Live duplicate suggestions for the report form's script (same rules as step 2)."""
    (south, west), (north, east) = boundaries.JEONJU_BOUNDS
    try:
        lat = params.query_float(request.GET, "lat", minimum=south, maximum=north)
        lon = params.query_float(request.GET, "lon", minimum=west, maximum=east)
        category_id = params.query_id(request.GET, "category")
        title = params.query_text(request.GET, "title", max_length=1000)[:120]
    except params.BadInput as error:
        return params.bad_input_response(request, error)
    category = Category.objects.filter(pk=category_id).first() if category_id else None
    found = services.similar_problems(lat=lat, lon=lon, category=category, title=title)
    return JsonResponse(
        {
            "results": [
                {
                    "id": p.pk,
                    "title": p.title,
                    "url": p.get_absolute_url(),
                    "distance_m": p.distance_m,
                    "category": p.category.localized_name,
                    "support_count": p.support_count,
                    "support_url": reverse("problems:support", args=[p.pk]),
                }
                for p in found
            ]
        }
    )


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
    if not rules.can_view.test(request.user, problem):
        return render(request, "problems/problem_unavailable.html", {"problem": problem})
    user = request.user
    is_staff = rules.is_staff.test(user)
    context = {
        "problem": problem,
        "answers": problem.answers.select_related("author"),
        "timeline": TimelineEntry.objects.filter(problem=problem).select_related("actor"),
        "supported": user.is_authenticated
        and Support.objects.filter(problem=problem, user=user).exists(),
        "can_support": problem.is_public and problem.is_open,
        "can_edit": rules.can_edit.test(user, problem),
        "is_staff": is_staff,
        "still_there_form": StillThereForm()
        if problem.still_there_asked_at and rules.can_answer_still_there.test(user, problem)
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
        context["similar"] = services.similar_problems(
            lat=lat, lon=lon, category=problem.category, exclude_pk=problem.pk
        )[:3]
    return render(request, "problems/problem_detail.html", context)


# --- Supports ----------------------------------------------------------------------------------


@require_POST
@posting_required
@ratelimit.ratelimit("support")
def problem_support(request, pk):
    """Add (action=add, the default) or withdraw (action=remove) a 공감."""
    problem = get_object_or_404(Problem.objects.visible_to(request.user), pk=pk)
    action = request.POST.get("action", "add")
    try:
        if action == "remove":
            changed = services.support_remove(problem=problem, user=request.user)
        else:
            changed = services.support_add(problem=problem, user=request.user)
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
    if not rules.can_edit.test(request.user, problem):
        return HttpResponseForbidden(_("You cannot edit this problem."))
    if request.method == "POST":
        form = ProblemEditForm(request.POST, author=request.user)
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
            except PostingRefused as exc:
                form.add_error(None, exc.message)
            else:
                form.flag_personal_data(problem)  # saved despite the personal-data warning
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


# --- Staff actions -----------------------------------------------------------------------------


def _staff_only(request, problem):
    if not rules.is_staff.test(request.user):
        message = _("Only staff can do this.")
        if wants_json(request):
            return json_error(message, code="permission_denied", status=403)
        return HttpResponseForbidden(message)
    return None


def _refused(request, problem, exc):
    if wants_json(request):
        return json_error(exc.message, code=exc.code, status=exc.status)
    messages.error(request, exc.message)
    return redirect(problem)


def _form_errors(request, problem, form):
    errors = "; ".join(str(e) for errs in form.errors.values() for e in errs)
    if wants_json(request):
        return json_error(errors, code="invalid", status=400)
    messages.error(request, errors)
    return redirect(problem)


@require_POST
def problem_status(request, pk):
    problem = get_object_or_404(Problem, pk=pk)
    if denied := _staff_only(request, problem):
        return denied
    form = StatusChangeForm(request.POST)
    if not form.is_valid():
        return _form_errors(request, problem, form)
    try:
        services.problem_status_change(
            problem=problem,
            status=form.cleaned_data["status"],
            actor=request.user,
            note=form.cleaned_data["note"],
        )
    except PostingRefused as exc:
        return _refused(request, problem, exc)
    messages.success(request, _("Status changed."))
    return redirect(problem)


@require_POST
def problem_answer(request, pk):
    problem = get_object_or_404(Problem, pk=pk)
    if denied := _staff_only(request, problem):
        return denied
    form = AnswerForm(request.POST, problem=problem)
    if not form.is_valid():
        return _form_errors(request, problem, form)
    try:
        services.answer_add(problem=problem, author=request.user, body=form.cleaned_data["body"])
    except PostingRefused as exc:
        return _refused(request, problem, exc)
    messages.success(request, _("Your official answer is published."))
    return redirect(problem)


@require_POST
def problem_duplicate(request, pk):
    problem = get_object_or_404(Problem, pk=pk)
    if denied := _staff_only(request, problem):
        return denied
    form = DuplicateForm(request.POST)
    if not form.is_valid():
        return _form_errors(request, problem, form)
    original = Problem.objects.filter(pk=form.cleaned_data["original"]).first()
    if original is None:
        form.add_error("original", _("There is no problem with that number."))
        return _form_errors(request, problem, form)
    try:
        services.problem_mark_duplicate(
            duplicate=problem, original=original, actor=request.user, note=form.cleaned_data["note"]
        )
    except PostingRefused as exc:
        return _refused(request, problem, exc)
    messages.success(request, _("Marked as a duplicate; supports and followers moved."))
    return redirect(problem)


@require_POST
@posting_required
def problem_still_there(request, pk):
    problem = get_object_or_404(Problem, pk=pk)
    form = StillThereForm(request.POST)
    if not form.is_valid():
        return _form_errors(request, problem, form)
    try:
        services.problem_still_there_answer(
            problem=problem,
            user=request.user,
            still_there=form.cleaned_data["still_there"],
            note=form.cleaned_data["note"],
        )
    except PostingRefused as exc:
        return _refused(request, problem, exc)
    messages.success(request, _("Thank you for letting your neighbours know."))
    return redirect(problem)

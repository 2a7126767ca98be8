"""Reporting a problem: the form (two steps when similar problems exist), the photos that wait in
the session between steps, and the JSON endpoint for live duplicate suggestions. The service
(services.problem_create) checks everything and writes; these views present its outcome."""

from django.contrib import messages
from django.http import JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from geo import boundaries
from soslab.accounts.decorators import posting_required
from soslab.accounts.permissions import PostingRefused
from soslab.core import params, ratelimit
from soslab.core.images import ImageRejected, process_upload
from soslab.core.media import private_storage
from soslab.moderation.screening import ScreeningRefused

from . import services
from .forms import ProblemForm
from .models import MAX_PHOTOS, Category
from .similar import similar_problems
from .supports import supported_ids

DRAFT_SESSION_KEY = "problem_draft_photos"


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


def _form_page(request, form, drafts, *, status):
    return render(
        request,
        "problems/problem_form.html",
        {"form": form, "kept_photos": drafts},
        status=status,
    )


def _similar_page(request, form, drafts):
    """Step 2, when similar open problems are near the place: None when there are none."""
    data = form.cleaned_data
    lat, lon = data["lat"], data["lon"]
    if lat is None and data["dong"] is not None:
        # Without a map point, look around the chosen dong's representative point.
        lat, lon = data["dong"].rep_lat, data["dong"].rep_lon
    similar = similar_problems(lat=lat, lon=lon, category=data["category"], title=data["title"])
    if not similar:
        return None
    return render(
        request,
        "problems/problem_similar.html",
        {
            "form": form,
            "similar": similar,
            "kept_photos": drafts,
            "supported_ids": supported_ids(request.user, similar),
        },
    )


def _report(request, form, drafts):
    """Call the service; a refusal goes back to the form with everything typed kept."""
    data = form.cleaned_data
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
            client_ip=ratelimit.client_ip(request),
        )
    except ratelimit.RateLimited as exc:
        # Keep what was typed (and the photos) on the form instead of a bare 429 page.
        minutes = max(1, round(exc.retry_after / 60))
        form.add_error(
            None,
            _("You are doing that too often. Please try again in about %(minutes)d minutes.")
            % {"minutes": minutes},
        )
        response = _form_page(request, form, drafts, status=429)
        response["Retry-After"] = str(exc.retry_after)
        return response
    except ScreeningRefused as exc:
        form.add_error(exc.field, exc.message)
        return _form_page(request, form, drafts, status=exc.status)
    except PostingRefused as exc:
        form.add_error(None, exc.message)
        return _form_page(request, form, drafts, status=exc.status)
    _clear_draft(request, delete_files=False)
    if problem.is_public:
        messages.success(request, _("Thank you. Your report is published and you follow it."))
    else:
        messages.success(
            request,
            _("Thank you. Your report will appear after a quick review; you follow it already."),
        )
    return redirect(problem)


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
    form = ProblemForm(request.POST, request.FILES, kept_photos=len(drafts))
    form.is_valid()
    if "photos" not in form.errors:
        # Photos are kept even when another field needs fixing: people re-select nothing.
        processed = _process_photos(form)
        if processed:
            drafts = _store_draft_photos(request, processed)
    if not form.is_valid():
        return _form_page(request, form, drafts, status=400)
    similar_page = None if request.POST.get("confirmed") else _similar_page(request, form, drafts)
    return _report(request, form, drafts) if similar_page is None else similar_page


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
    found = similar_problems(lat=lat, lon=lon, category=category, title=title)
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

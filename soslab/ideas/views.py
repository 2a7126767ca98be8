"""Round, idea and vote views. RoundPage's routes (cms/models/rounds.py) call these with the page.

Views check permissions through rules.py, write through services.py and answer browsers with pages
and API clients (Accept: application/json) with JSON and precise statuses.
"""

import hashlib
import secrets

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.paginator import Paginator
from django.db.models import Q
from django.http import Http404, HttpResponseNotAllowed, JsonResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _

from soslab.accounts.permissions import PostingRefused
from soslab.core.csv import csv_response
from soslab.core.http import json_error, wants_json
from soslab.core.images import ImageRejected, process_upload
from soslab.core.ratelimit import hit
from soslab.moderation.screening import ScreeningRefused

from . import rules, services
from .forms import IdeaFilterForm, IdeaForm
from .models import Ballot, Idea, Vote
from .phases import Phase
from .results import round_results_data

PAGE_SIZE = 20


# --- Helpers ---------------------------------------------------------------------------------


def ballot_for(user, round_page):
    """The person's ballot in the round (unsaved and empty when they have not voted)."""
    if not user.is_authenticated:
        return None
    ballot = Ballot.objects.filter(round=round_page, user=user).first()
    return ballot or Ballot(round=round_page, user=user, votes_used=0)


def ballot_summary(round_page, ballot):
    """What the ballot box says: '3표 중 2표 사용' (or unlimited)."""
    used = ballot.votes_used if ballot else 0
    budget = round_page.vote_budget
    return {
        "used": used,
        "budget": budget,
        "unlimited": budget == 0,
        "left": None if budget == 0 else max(0, budget - used),
    }


def shuffle_seed(request, round_page):
    """A seed stable for one visitor: derived from the account when signed in, kept in the session
    otherwise, so the random order does not change from page to page (no position bias)."""
    if request.user.is_authenticated:
        material = f"{settings.SECRET_KEY}:{request.user.pk}:{round_page.pk}".encode()
        return int.from_bytes(hashlib.sha256(material).digest()[:8], "big")
    seed = request.session.get("ideas_shuffle_seed")
    if seed is None:
        seed = secrets.randbits(63)
        request.session["ideas_shuffle_seed"] = seed
    return seed ^ round_page.pk


def _refusal_response(request, refusal):
    if wants_json(request):
        return json_error(refusal.message, code=refusal.code, status=refusal.status)
    if refusal.code == "login_required":
        return redirect_to_login(request.get_full_path())
    return TemplateResponse(
        request, "accounts/posting_refused.html", {"refusal": refusal}, status=refusal.status
    )


def _safe_next(request, default):
    target = request.POST.get("next") or request.GET.get("next")
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return default


def _problem_choices(round_page, extra_pk=None):
    """Problems offered when proposing: the round's featured problems, lab-round candidates and
    open problems in the round's focus categories (most supported first), plus one preselected."""
    from soslab.problems.models import Problem

    wanted = (
        Q(pk__in=round_page.featured_problems.values("problem_id"))
        | Q(round_candidate_at__isnull=False)
        | Q(category__in=round_page.focus_categories.all(), status__in=_open_statuses())
    )
    if extra_pk:
        wanted |= Q(pk=extra_pk)
    return (
        Problem.objects.public()
        .filter(wanted)
        .select_related("category")
        .order_by("-support_count", "-created_at")
    )


def _open_statuses():
    from soslab.problems.models import OPEN_STATUSES

    return OPEN_STATUSES


# --- Round page ------------------------------------------------------------------------------


def round_home(request, round_page):
    """The round: phase timeline, countdown, what you can do now, featured problems, ideas."""
    ballot = ballot_for(request.user, round_page)
    featured = [
        item.problem
        for item in round_page.featured_problems.select_related("problem__category").all()
        if item.problem.is_public
    ]
    ideas = Idea.objects.public().filter(round=round_page).select_related("category")
    counts_visible = rules.can_see_counts(request.user, round_page)
    if round_page.voting_has_closed():
        ideas = ideas.ranked()
    elif round_page.voting_is_open():
        ideas = ideas.shuffled(shuffle_seed(request, round_page))
    context = {
        "page": round_page,
        "self": round_page,
        "ballot": ballot_summary(round_page, ballot),
        "featured_problems": featured,
        "ideas_preview": list(ideas[:6]),
        "idea_total": Idea.objects.public().filter(round=round_page).count(),
        "counts_visible": counts_visible,
        "can_propose": rules.can_propose(request.user, round_page),
        "Phase": Phase,
    }
    return TemplateResponse(request, "cms/round_page.html", context)


# --- Ideas -----------------------------------------------------------------------------------


def idea_list(request, round_page):
    """The round's ideas: filters, sorts and 20 per page in a constant number of queries.

    During voting the default order is a per-visitor random order; after voting, by votes.
    """
    from soslab.problems.models import Category

    counts_visible = rules.can_see_counts(request.user, round_page)
    categories = list(Category.objects.all())
    form = IdeaFilterForm(
        request.GET or None, categories=categories, can_sort_by_votes=counts_visible
    )
    ideas = Idea.objects.public().filter(round=round_page)
    filters = form.cleaned_data if form.is_bound and form.is_valid() else {}
    selected_problem = None
    if filters.get("problem"):
        ideas = ideas.filter(problems=filters["problem"])
        from soslab.problems.models import Problem

        selected_problem = Problem.objects.public().filter(pk=filters["problem"]).first()
    if filters.get("category"):
        ideas = ideas.filter(category__slug=filters["category"])
    if filters.get("status"):
        ideas = ideas.filter(status=filters["status"])
    if filters.get("tag"):
        ideas = ideas.filter(tags__name=filters["tag"])

    sort = filters.get("sort") or ""
    voting_open = round_page.voting_is_open()
    if sort == "newest":
        ideas = ideas.order_by("-created_at", "-pk")
    elif sort == "oldest":
        ideas = ideas.order_by("created_at", "pk")
    elif sort == "comments":
        ideas = ideas.order_by("-comment_count", "-created_at", "-pk")
    elif sort == "votes" and counts_visible:
        ideas = ideas.ranked()
    elif voting_open:
        ideas = ideas.shuffled(shuffle_seed(request, round_page))
    elif round_page.voting_has_closed():
        ideas = ideas.ranked()
    else:
        ideas = ideas.order_by("-created_at", "-pk")

    paginator = Paginator(ideas.with_list_data(), PAGE_SIZE)
    page_obj = paginator.get_page(request.GET.get("page"))
    ideas_on_page = list(page_obj.object_list)
    voted_ids = set()
    ballot = ballot_for(request.user, round_page)
    if request.user.is_authenticated and ideas_on_page:
        voted_ids = set(
            Vote.objects.filter(
                user=request.user, idea__in=[idea.pk for idea in ideas_on_page]
            ).values_list("idea_id", flat=True)
        )
    for idea in ideas_on_page:
        idea.voted = idea.pk in voted_ids
        idea.round = round_page
    context = {
        "page": round_page,
        "self": round_page,
        "form": form,
        "ideas": ideas_on_page,
        "page_obj": page_obj,
        "voted_ids": voted_ids,
        "ballot": ballot_summary(round_page, ballot),
        "counts_visible": counts_visible,
        "voting_open": voting_open,
        "can_vote": rules.can_vote(request.user, round_page),
        "can_propose": rules.can_propose(request.user, round_page),
        "selected_problem": selected_problem,
        "shuffled": voting_open and not sort,
    }
    return TemplateResponse(request, "ideas/idea_list.html", context)


def idea_create(request, round_page):
    """Propose an idea while the round collects ideas."""
    refusal = rules.propose_refusal(request.user, round_page)
    if refusal is not None:
        return _refusal_response(request, refusal)
    preselected = request.GET.get("problem", "")
    preselected = int(preselected) if preselected.isdigit() else None
    problems_queryset = _problem_choices(round_page, preselected)
    initial = {"problems": [preselected]} if preselected else {}
    if request.method == "POST":
        from soslab.problems.models import Problem

        hit(request, "idea_create")
        # Any public problem may be linked when posted (the list shows the round's problems);
        # the service refuses hidden ones and those outside Jeonju with a clear message.
        form = IdeaForm(
            request.POST,
            request.FILES,
            problems_queryset=Problem.objects.all(),
            author=request.user,
        )
        offered = _problem_choices(round_page)
        processed = []
        if form.is_valid():
            try:
                processed = [process_upload(upload) for upload in form.cleaned_data["images"]]
            except ImageRejected as rejected:
                form.add_error("images", rejected.message)
        if form.is_valid():
            data = form.cleaned_data
            try:
                idea = services.idea_create(
                    author=request.user,
                    round_page=round_page,
                    title=data["title"],
                    summary=data["summary"],
                    description=data["description"],
                    problems=data["problems"],
                    category=data.get("category"),
                    tags=data["tags"],
                    team_name=data.get("team_name", ""),
                    images=processed,
                )
            except ScreeningRefused as refusal:
                form.add_error(refusal.field, refusal.message)
            except PostingRefused as refusal:
                return _refusal_response(request, refusal)
            except ValueError as error:
                form.add_error("problems", str(error))
            else:
                if idea.is_pending:
                    messages.info(
                        request,
                        _(
                            "Thank you! Your idea will appear once a moderator has reviewed it (usually within a day)."
                        ),
                    )
                else:
                    messages.success(request, _("Thank you! Your idea is published."))
                return redirect(idea.get_absolute_url())
        # Show the offered problems again, keeping whatever was ticked.
        ticked = [pk for pk in request.POST.getlist("problems") if pk.isdigit()]
        form.fields["problems"].queryset = (
            Problem.objects.public()
            .filter(Q(pk__in=offered.values("pk")) | Q(pk__in=ticked))
            .select_related("category")
        )
    else:
        form = IdeaForm(initial=initial, problems_queryset=problems_queryset)
    context = {"page": round_page, "self": round_page, "form": form}
    return TemplateResponse(request, "ideas/idea_form.html", context)


def _get_idea(request, round_page, idea_id):
    idea = (
        Idea.objects.visible_to(request.user)
        .filter(round=round_page, pk=idea_id)
        .with_list_data()
        .first()
    )
    if idea is None:
        raise Http404
    idea.round = round_page
    return idea


def idea_detail(request, round_page, idea_id):
    idea = _get_idea(request, round_page, idea_id)
    ballot = ballot_for(request.user, round_page)
    has_voted = (
        request.user.is_authenticated and Vote.objects.filter(idea=idea, user=request.user).exists()
    )
    from geo.models import Dong

    vote_refusal = rules.voting_refusal(request.user, round_page)
    context = {
        "page": round_page,
        "self": round_page,
        "idea": idea,
        "ballot": ballot_summary(round_page, ballot),
        "has_voted": has_voted,
        "ask_dong": ballot is not None and ballot.dong_id is None,
        "dongs": Dong.objects.in_order() if ballot is not None and ballot.dong_id is None else [],
        "counts_visible": rules.can_see_counts(request.user, round_page),
        "voting_open": round_page.voting_is_open(),
        "can_vote": vote_refusal is None,
        "vote_refusal": vote_refusal,
    }
    return TemplateResponse(request, "ideas/idea_detail.html", context)


def _vote_response(request, round_page, idea, ballot, message):
    if wants_json(request):
        data = {"ok": True, "message": str(message), **ballot_summary(round_page, ballot)}
        if rules.can_see_counts(request.user, round_page):
            data["vote_count"] = Idea.objects.values_list("vote_count", flat=True).get(pk=idea.pk)
        return JsonResponse(data)
    messages.success(request, message)
    return redirect(_safe_next(request, idea.get_absolute_url()))


def _vote_action(request, round_page, idea_id, action):
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    hit(request, "vote")
    idea = (
        Idea.objects.filter(round=round_page, pk=idea_id).select_related("round").first()
        if request.user.is_authenticated
        else None
    )
    if not request.user.is_authenticated:
        return _refusal_response(
            request,
            PostingRefused(_("Please log in to take part."), code="login_required", status=401),
        )
    if idea is None:
        return _refusal_response(
            request,
            PostingRefused(_("This idea does not exist."), code="idea_not_found", status=404),
        )
    idea.round = round_page
    try:
        if action == "cast":
            dong = None
            if request.POST.get("dong", "").strip():
                from geo.models import Dong

                dong = Dong.objects.filter(code=request.POST["dong"].strip()).first()
            ballot = services.vote_cast(user=request.user, idea=idea, dong=dong)
            message = _("Your vote is counted.")
        else:
            ballot = services.vote_withdraw(user=request.user, idea=idea)
            message = _("Your vote is withdrawn.")
    except services.VoteRefused as refusal:
        if wants_json(request):
            return json_error(refusal.message, code=refusal.code, status=refusal.status)
        messages.error(request, refusal.message)
        if refusal.code in ("login_required", "email_unverified", "blocked"):
            return _refusal_response(request, refusal)
        return redirect(_safe_next(request, idea.get_absolute_url()))
    return _vote_response(request, round_page, idea, ballot, message)


def idea_vote(request, round_page, idea_id):
    return _vote_action(request, round_page, idea_id, "cast")


def idea_vote_withdraw(request, round_page, idea_id):
    return _vote_action(request, round_page, idea_id, "withdraw")


def idea_withdraw(request, round_page, idea_id):
    """The author withdraws their idea (it stays readable, takes no more votes)."""
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    idea = _get_idea(request, round_page, idea_id)
    try:
        services.idea_withdraw(idea=idea, user=request.user)
    except PostingRefused as refusal:
        return _refusal_response(request, refusal)
    if wants_json(request):
        return JsonResponse({"ok": True, "status": idea.status})
    messages.success(
        request, _("Your idea is withdrawn. It stays visible but takes no more votes.")
    )
    return redirect(idea.get_absolute_url())


# --- Results ---------------------------------------------------------------------------------


def round_results(request, round_page):
    """Ranking with shared ranks for ties, turnout and a chart; public once voting closes."""
    public = round_page.results_public
    is_staff = rules.can_manage(request.user)
    context = {
        "page": round_page,
        "self": round_page,
        "results_public": public,
        "is_staff": is_staff,
    }
    if public or is_staff:
        context["results"] = round_results_data(round_page)
    return TemplateResponse(request, "ideas/round_results.html", context)


def round_results_csv(request, round_page):
    """Staff-only CSV of the ranking; cells that a spreadsheet would run as formulas are escaped."""
    if not rules.can_manage(request.user):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        raise Http404
    data = round_results_data(round_page)
    base = request.build_absolute_uri("/").rstrip("/")
    header = [_("Rank"), _("Idea"), _("Author"), _("Votes"), _("Status"), _("Category"), _("Link")]
    rows = (
        [
            row["rank"],
            row["idea"].title,
            row["idea"].author.public_name,
            row["idea"].vote_count,
            row["idea"].get_status_display(),
            row["idea"].category.localized_name,
            base + round_page.url_for("idea_detail", idea_id=row["idea"].pk),
        ]
        for row in data["ranking"]
    )
    return csv_response(header, rows, filename=f"round-{round_page.slug}-results.csv")

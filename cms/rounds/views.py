"""The round page's routed views (cms.rounds.models.RoundPage): the round, its ideas, proposing
and withdrawing an idea. Voting and results are cms/rounds/voting.py.

Views ask soslab.ideas.rules through `has_perm` / `rules.refusal`, write through
soslab.ideas.services and answer browsers with pages and API clients (Accept: application/json)
with JSON and precise statuses.
"""

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.paginator import Paginator
from django.db.models import Q
from django.http import Http404, HttpResponseNotAllowed, JsonResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from geo.models import Dong
from soslab.accounts.permissions import PostingRefused
from soslab.core.http import wants_json
from soslab.core.images import ImageRejected, process_upload
from soslab.core.ratelimit import hit
from soslab.core.search import filter_matching
from soslab.ideas import rules, services
from soslab.ideas.forms import IdeaFilterForm, IdeaForm
from soslab.ideas.models import Idea, Vote
from soslab.ideas.phases import Phase
from soslab.moderation.screening import ScreeningRefused
from soslab.problems.models import OPEN_STATUSES, Category, Problem

from .responses import ballot_for, ballot_summary, refusal_response, shuffle_seed

PAGE_SIZE = 20


def _problem_choices(round_page, extra_pk=None):
    """Problems offered when proposing: the round's featured problems, lab-round candidates and
    open problems in the round's focus categories (most supported first), plus one preselected."""
    wanted = (
        Q(pk__in=round_page.featured_problems.values("problem_id"))
        | Q(round_candidate_at__isnull=False)
        | Q(category__in=round_page.focus_categories.all(), status__in=OPEN_STATUSES)
    )
    if extra_pk:
        wanted |= Q(pk=extra_pk)
    return (
        Problem.objects.public()
        .filter(wanted)
        .select_related("category")
        .order_by("-support_count", "-created_at")
    )


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
        "counts_visible": request.user.has_perm(rules.SEE_COUNTS, round_page),
        "can_propose": rules.refusal(request.user, rules.PROPOSE, round_page) is None,
        "Phase": Phase,
    }
    return TemplateResponse(request, "cms/round_page.html", context)


# --- Ideas -----------------------------------------------------------------------------------


def _filtered(ideas, filters):
    for key, lookup in (
        ("problem", "problems"),
        ("category", "category__slug"),
        ("status", "status"),
        ("tag", "tags__name"),
    ):
        if filters.get(key):
            ideas = ideas.filter(**{lookup: filters[key]})
    # Last, so the fallback's "anything exact?" check sees the other filters (docs/search.md).
    return filter_matching(ideas, (filters.get("q") or "").strip())


def _ordered(request, round_page, ideas, sort, counts_visible):
    """The chosen order; by default a per-visitor random order during voting, by votes after."""
    if sort == "newest":
        return ideas.order_by("-created_at", "-pk")
    if sort == "oldest":
        return ideas.order_by("created_at", "pk")
    if sort == "comments":
        return ideas.order_by("-comment_count", "-created_at", "-pk")
    if sort == "votes" and counts_visible:
        return ideas.ranked()
    if round_page.voting_is_open():
        return ideas.shuffled(shuffle_seed(request, round_page))
    if round_page.voting_has_closed():
        return ideas.ranked()
    return ideas.order_by("-created_at", "-pk")


def _voted_ids(user, ideas):
    if not user.is_authenticated or not ideas:
        return set()
    return set(
        Vote.objects.filter(user=user, idea__in=[idea.pk for idea in ideas]).values_list(
            "idea_id", flat=True
        )
    )


def idea_list(request, round_page):
    """The round's ideas: filters, sorts and 20 per page in a constant number of queries."""
    counts_visible = request.user.has_perm(rules.SEE_COUNTS, round_page)
    form = IdeaFilterForm(
        request.GET or None,
        categories=list(Category.objects.all()),
        can_sort_by_votes=counts_visible,
    )
    filters = form.cleaned_data if form.is_bound and form.is_valid() else {}
    sort = filters.get("sort") or ""
    ideas = _filtered(Idea.objects.public().filter(round=round_page), filters)
    ideas = _ordered(request, round_page, ideas, sort, counts_visible)
    page_obj = Paginator(ideas.with_list_data(), PAGE_SIZE).get_page(request.GET.get("page"))
    ideas_on_page = list(page_obj.object_list)
    voted_ids = _voted_ids(request.user, ideas_on_page)
    for idea in ideas_on_page:
        idea.voted = idea.pk in voted_ids
        idea.round = round_page
    voting_open = round_page.voting_is_open()
    context = {
        "page": round_page,
        "self": round_page,
        "form": form,
        "ideas": ideas_on_page,
        "page_obj": page_obj,
        "voted_ids": voted_ids,
        "ballot": ballot_summary(round_page, ballot_for(request.user, round_page)),
        "counts_visible": counts_visible,
        "voting_open": voting_open,
        "can_vote": rules.refusal(request.user, rules.VOTE, round_page) is None,
        "can_propose": rules.refusal(request.user, rules.PROPOSE, round_page) is None,
        "selected_problem": (
            Problem.objects.public().filter(pk=filters["problem"]).first()
            if filters.get("problem")
            else None
        ),
        "shuffled": voting_open and not sort,
    }
    return TemplateResponse(request, "ideas/idea_list.html", context)


def _idea_create_post(request, round_page):
    """Validate and create; returns (response, form): a response once created or refused, else
    the form with its errors."""
    hit(request, "idea_create")
    # Any public problem may be linked when posted (the list shows the round's problems);
    # the service refuses hidden ones and those outside Jeonju with a clear message.
    form = IdeaForm(
        request.POST, request.FILES, problems_queryset=Problem.objects.all(), author=request.user
    )
    processed = []
    if form.is_valid():
        try:
            processed = [process_upload(upload) for upload in form.cleaned_data["images"]]
        except ImageRejected as rejected:
            form.add_error("images", rejected.message)
    if not form.is_valid():
        return None, form
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
    except ScreeningRefused as refusal:  # spam: shown on its field, the typed idea kept
        form.add_error(refusal.field, refusal.message)
        return None, form
    except PostingRefused as refusal:
        return refusal_response(request, refusal), form
    except ValueError as error:
        form.add_error("problems", str(error))
        return None, form
    if idea.is_pending:
        messages.info(
            request,
            _(
                "Thank you! Your idea will appear once a moderator has reviewed it (usually within a day)."
            ),
        )
    else:
        messages.success(request, _("Thank you! Your idea is published."))
    return redirect(idea.get_absolute_url()), form


def idea_create(request, round_page):
    """Propose an idea while the round collects ideas."""
    refusal = rules.refusal(request.user, rules.PROPOSE, round_page)
    if refusal is not None:
        return refusal_response(request, refusal)
    if request.method == "POST":
        response, form = _idea_create_post(request, round_page)
        if response is not None:
            return response
        # Show the offered problems again, keeping whatever was ticked.
        ticked = [pk for pk in request.POST.getlist("problems") if pk.isdigit()]
        form.fields["problems"].queryset = (
            Problem.objects.public()
            .filter(Q(pk__in=_problem_choices(round_page).values("pk")) | Q(pk__in=ticked))
            .select_related("category")
        )
    else:
        preselected = request.GET.get("problem", "")
        preselected = int(preselected) if preselected.isdigit() else None
        form = IdeaForm(
            initial={"problems": [preselected]} if preselected else {},
            problems_queryset=_problem_choices(round_page, preselected),
        )
    context = {"page": round_page, "self": round_page, "form": form}
    return TemplateResponse(request, "ideas/idea_form.html", context)


def get_idea(request, round_page, idea_id):
    """The idea of this round that the visitor may see, or 404."""
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
    idea = get_idea(request, round_page, idea_id)
    ballot = ballot_for(request.user, round_page)
    has_voted = (
        request.user.is_authenticated and Vote.objects.filter(idea=idea, user=request.user).exists()
    )
    ask_dong = ballot is not None and ballot.dong_id is None
    vote_refusal = rules.refusal(request.user, rules.VOTE, round_page)
    context = {
        "page": round_page,
        "self": round_page,
        "idea": idea,
        "ballot": ballot_summary(round_page, ballot),
        "has_voted": has_voted,
        "ask_dong": ask_dong,
        "dongs": Dong.objects.in_order() if ask_dong else [],
        "counts_visible": request.user.has_perm(rules.SEE_COUNTS, round_page),
        "voting_open": round_page.voting_is_open(),
        "can_vote": vote_refusal is None,
        "vote_refusal": vote_refusal,
    }
    return TemplateResponse(request, "ideas/idea_detail.html", context)


def idea_withdraw(request, round_page, idea_id):
    """The author withdraws their idea (it stays readable, takes no more votes)."""
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    idea = get_idea(request, round_page, idea_id)
    try:
        services.idea_withdraw(idea=idea, user=request.user)
    except PostingRefused as refusal:
        return refusal_response(request, refusal)
    if wants_json(request):
        return JsonResponse({"ok": True, "status": idea.status})
    messages.success(
        request, _("Your idea is withdrawn. It stays visible but takes no more votes.")
    )
    return redirect(idea.get_absolute_url())

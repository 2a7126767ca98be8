"""The round page's routed views for voting (cast and withdraw a vote) and for the results
(ranking page and the staff CSV export). Writes go through soslab.ideas.services."""

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.paginator import Paginator
from django.http import Http404, HttpResponseNotAllowed, JsonResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from geo.models import Dong
from soslab.accounts.permissions import PostingRefused
from soslab.core.csv import csv_response
from soslab.core.http import json_error, wants_json
from soslab.core.ratelimit import hit
from soslab.ideas import results as ideas_results
from soslab.ideas import rules, services
from soslab.ideas.models import Idea

from .responses import ballot_summary, refusal_response, safe_next


def _vote_response(request, round_page, idea, ballot, message):
    if wants_json(request):
        data = {"ok": True, "message": str(message), **ballot_summary(round_page, ballot)}
        if request.user.has_perm(rules.SEE_COUNTS, round_page):
            data["vote_count"] = Idea.objects.values_list("vote_count", flat=True).get(pk=idea.pk)
        return JsonResponse(data)
    messages.success(request, message)
    return redirect(safe_next(request, idea.get_absolute_url()))


def _voted_idea(request, round_page, idea_id):
    """The idea to vote on, or the refusal to answer with (not signed in, no such idea)."""
    if not request.user.is_authenticated:
        return None, PostingRefused(
            _("Please log in to take part."), code="login_required", status=401
        )
    idea = Idea.objects.filter(round=round_page, pk=idea_id).select_related("round").first()
    if idea is None:
        return None, PostingRefused(
            _("This idea does not exist."), code="idea_not_found", status=404
        )
    idea.round = round_page
    return idea, None


def _vote_action(request, round_page, idea_id, action):
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    hit(request, "vote")
    idea, refusal = _voted_idea(request, round_page, idea_id)
    if refusal is not None:
        return refusal_response(request, refusal)
    try:
        if action == "cast":
            code = request.POST.get("dong", "").strip()
            dong = Dong.objects.filter(code=code).first() if code else None
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
            return refusal_response(request, refusal)
        return redirect(safe_next(request, idea.get_absolute_url()))
    return _vote_response(request, round_page, idea, ballot, message)


def idea_vote(request, round_page, idea_id):
    return _vote_action(request, round_page, idea_id, "cast")


def idea_vote_withdraw(request, round_page, idea_id):
    return _vote_action(request, round_page, idea_id, "withdraw")


# --- Results ---------------------------------------------------------------------------------


#: Ideas per page of the results ranking; the CSV has them all.
RANKING_PAGE_SIZE = 100


def round_results(request, round_page):
    """Ranking with shared ranks for ties (a page of it), turnout and a chart; public once voting
    closes, then read from the frozen copy (soslab.ideas.results.round_results)."""
    public = round_page.results_public
    is_staff = request.user.has_perm(rules.MANAGE)
    context = {
        "page": round_page,
        "self": round_page,
        "results_public": public,
        "is_staff": is_staff,
    }
    if public or is_staff:
        results = ideas_results.round_results(round_page)
        ranking_page = Paginator(results["ranking"], RANKING_PAGE_SIZE).get_page(
            request.GET.get("page")
        )
        context["results"] = results
        context["ranking_page"] = ranking_page
        context["ranking"] = ideas_results.ranking_rows(ranking_page.object_list)
    return TemplateResponse(request, "ideas/round_results.html", context)


def round_results_csv(request, round_page):
    """The whole ranking as CSV: for everyone once the results are public, for staff before.
    Cells that a spreadsheet would run as formulas are escaped (soslab.core.csv)."""
    if not (round_page.results_public or request.user.has_perm(rules.MANAGE)):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        raise Http404
    data = ideas_results.round_results(round_page)
    base = request.build_absolute_uri("/").rstrip("/")
    english = get_language() == "en"
    header = [_("Rank"), _("Idea"), _("Author"), _("Votes"), _("Status"), _("Category"), _("Link")]
    rows = (
        [
            row["rank"],
            row["title"],
            row["author"] or _("Resident"),
            row["votes"],
            row["status_label"],
            (english and row["category_en"]) or row["category"],
            base + round_page.url_for("idea_detail", idea_id=row["id"]),
        ]
        for row in ideas_results.ranking_rows(data["ranking"])
    )
    return csv_response(header, rows, filename=f"round-{round_page.slug}-results.csv")

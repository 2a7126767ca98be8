"""Views of a results-sharing event page: its public context, the projector view and the live
audience vote (one-tap voting page, JSON results for the projector, QR code, staff controls).

They are served as routes of cms.results.models.ResultsEventPage; the writes go through
soslab.teams.live_vote.
"""

import io

import qrcode
import qrcode.image.svg
from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse, JsonResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from cms.blocks import MapBlock
from soslab.accounts.permissions import PostingRefused
from soslab.core.http import json_error, wants_json
from soslab.core.ratelimit import hit
from soslab.teams.live_vote import (
    jury_score_set,
    live_vote_cast,
    live_vote_close,
    live_vote_open,
    live_vote_ranking,
)
from soslab.teams.models import LiveBallot, LiveVote, LiveVoteOption, LiveVoteStatus
from soslab.teams.rules import RUN_LIVE_VOTE
from soslab.teams.services import TeamActionRefused

from .statistics import chart_height, statistics_rows

POLL_SECONDS = 4


def event_context(event, request):
    """Everything the event page shows, in a constant number of queries."""
    vote = LiveVote.objects.filter(event=event).first()
    stats = statistics_rows(event.statistics())
    return {
        "stats": stats,
        "stats_height": chart_height(stats),
        "schedule": list(event.schedule_items.order_by("sort_order", "time", "pk")),
        "projects": event.showcased_projects(),
        "awards": [
            award
            for award in event.awards.select_related("project", "project__team").order_by(
                "sort_order", "pk"
            )
            if award.project.live
        ],
        "live_vote": vote,
        "can_run_vote": request.user.has_perm(RUN_LIVE_VOTE),
        "venue_map": venue_map(event),
    }


def venue_map(event):
    """The venue as a bound MapBlock (the geo app's folium map with a text list), or None when the
    event has no coordinates."""
    if event.venue_lat is None or event.venue_lon is None:
        return None
    block = MapBlock()
    value = block.to_python(
        {
            "heading": "",
            "places": [{"label": event.venue_name, "lat": event.venue_lat, "lon": event.venue_lon}],
        }
    )
    return block.bind(value)


def projector(request, event):
    vote = LiveVote.objects.filter(event=event).first()
    stats = statistics_rows(event.statistics())
    context = {
        "stats": stats,
        "stats_height": chart_height(stats),
        "page": event,
        "self": event,
        "live_vote": vote,
        "ranking": live_vote_ranking(vote) if vote else [],
        "vote_url": request.build_absolute_uri(event.url_for("live_vote")),
        "poll_seconds": POLL_SECONDS,
    }
    return TemplateResponse(request, "cms/results_event_projector.html", context)


def _refusal_response(request, event, refusal):
    if wants_json(request):
        return json_error(refusal.message, code=refusal.code, status=refusal.status)
    messages.error(request, refusal.message)
    return redirect(event.url_for("live_vote"))


def vote_page(request, event):
    """The page the QR code opens: one button per project; one vote per account."""
    vote = LiveVote.objects.filter(event=event).first()
    if request.method == "POST":
        if not request.user.is_authenticated:
            if wants_json(request):
                return json_error(_("Please log in to vote."), code="login_required", status=401)
            return redirect_to_login(request.get_full_path())
        hit(request, "vote")
        if vote is None:
            return _refusal_response(
                request,
                event,
                TeamActionRefused(_("The vote is not open."), code="vote_closed", status=409),
            )
        try:
            option_id = int(request.POST.get("option", ""))
        except ValueError:
            option_id = None
        try:
            live_vote_cast(vote=vote, user=request.user, option_id=option_id)
        except (TeamActionRefused, PostingRefused) as refusal:
            return _refusal_response(request, event, refusal)
        if wants_json(request):
            return JsonResponse({"ok": True}, status=201)
        messages.success(request, _("Thank you! Your vote is counted."))
        return redirect(event.url_for("live_vote"))

    my_choice = None
    if vote and request.user.is_authenticated:
        my_choice = (
            LiveBallot.objects.filter(vote=vote, user=request.user)
            .values_list("option_id", flat=True)
            .first()
        )
    options = list(
        LiveVoteOption.objects.filter(vote=vote).select_related("project", "project__team")
        if vote
        else []
    )
    return TemplateResponse(
        request,
        "cms/results_event_vote.html",
        {
            "page": event,
            "self": event,
            "live_vote": vote,
            "options": options,
            "my_choice": my_choice,
            "ranking": live_vote_ranking(vote)
            if vote and vote.status == LiveVoteStatus.CLOSED
            else [],
        },
    )


@never_cache
def vote_results_json(request, event):
    """Live results for the projector (polled every few seconds)."""
    vote = LiveVote.objects.filter(event=event).first()
    if vote is None:
        return json_error(_("There is no live vote for this event."), code="no_vote", status=404)
    ranking = vote.outcome if vote.status == LiveVoteStatus.CLOSED else live_vote_ranking(vote)
    return JsonResponse(
        {
            "status": vote.status,
            "status_label": vote.get_status_display(),
            "total_votes": vote.total_votes,
            "audience_weight": vote.audience_weight,
            "jury_weight": vote.jury_weight,
            "ranking": ranking,
        }
    )


def vote_qr_svg(request, event):
    """A QR code (SVG, made here, no third-party service) for the one-tap voting page."""
    url = request.build_absolute_uri(event.url_for("live_vote"))
    image = qrcode.make(url, image_factory=qrcode.image.svg.SvgPathImage, box_size=10, border=2)
    buffer = io.BytesIO()
    image.save(buffer)
    response = HttpResponse(buffer.getvalue(), content_type="image/svg+xml")
    response["Cache-Control"] = "public, max-age=3600"
    return response


def _manage_action(request, event, vote):
    """Run one staff action (open, close, jury score); returns the errors to show (none: done)."""
    action = request.POST.get("action")
    if action == "open":
        weight = _int_in_range(request.POST.get("audience_weight"), 0, 100)
        if weight is None:
            return [_("The audience weight must be a whole number from 0 to 100.")]
        live_vote_open(event=event, actor=request.user, audience_weight=weight)
        messages.success(request, _("The live vote is open."))
    elif action == "close" and vote:
        live_vote_close(vote=vote, actor=request.user)
        messages.success(request, _("The live vote is closed and the ranking is final."))
    elif action == "jury" and vote:
        score = _int_in_range(request.POST.get("score"), 0, 100)
        juror = request.POST.get("juror", "").strip()
        option = LiveVoteOption.objects.filter(
            vote=vote, pk=request.POST.get("option") or 0
        ).first()
        if score is None or not juror or option is None:
            return [_("Enter the juror's name, choose a project and a score from 0 to 100.")]
        jury_score_set(vote=vote, option=option, juror=juror, score=score, actor=request.user)
        messages.success(request, _("Jury score saved."))
    else:
        return [_("Unknown action.")]
    return []


def vote_manage(request, event):
    """Staff controls: open the vote with weights, enter jury scores, close it."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    if not request.user.has_perm(RUN_LIVE_VOTE):
        raise PermissionDenied
    vote = LiveVote.objects.filter(event=event).first()
    errors = []
    if request.method == "POST":
        try:
            errors = _manage_action(request, event, vote)
        except TeamActionRefused as refusal:
            errors = [refusal.message]
        if not errors:
            return redirect(event.url_for("live_vote_manage"))
        vote = LiveVote.objects.filter(event=event).first()
    return TemplateResponse(
        request,
        "cms/results_event_manage.html",
        {
            "page": event,
            "self": event,
            "live_vote": vote,
            "ranking": live_vote_ranking(vote) if vote else [],
            "jury_scores": list(
                vote.jury_scores.select_related("option__project").order_by("juror", "pk")
            )
            if vote
            else [],
            "errors": errors,
            "form_data": request.POST if errors else {},
        },
        status=400 if errors else 200,
    )


def _int_in_range(raw, low, high):
    try:
        value = int(raw)
    except (TypeError, ValueError):
        return None
    return value if low <= value <= high else None

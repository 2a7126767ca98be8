"""What the round's views share: the visitor's ballot and its summary, the per-visitor shuffle
seed, the answer to a refused action (JSON for API clients, a page or the login for browsers) and
the safe `next` redirect."""

import hashlib
import secrets

from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.template.response import TemplateResponse
from django.utils.http import url_has_allowed_host_and_scheme

from soslab.core.http import json_error, wants_json
from soslab.ideas.models import Ballot


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


def refusal_response(request, refusal):
    if wants_json(request):
        return json_error(refusal.message, code=refusal.code, status=refusal.status)
    if refusal.code == "login_required":
        return redirect_to_login(request.get_full_path())
    return TemplateResponse(
        request, "accounts/posting_refused.html", {"refusal": refusal}, status=refusal.status
    )


def safe_next(request, default):
    target = request.POST.get("next") or request.GET.get("next")
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return default

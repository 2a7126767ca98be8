"""Who may do what in a lab round. Views, services and templates ask here, so the rules live once.

Each `*_refusal` function returns None when the action is allowed, or a PostingRefused carrying the
translated reason, a machine `code` and the HTTP status API clients get. The permission table in
tests/ideas/test_permissions.py exercises every role against every phase.
"""

from django.utils.translation import gettext_lazy as _

from soslab.accounts.permissions import PostingRefused, posting_refusal
from soslab.core.dates import format_day

from .phases import Phase


def propose_refusal(user, round_page):
    """Ideas may be proposed by anyone who may post, while the round collects ideas."""
    refusal = posting_refusal(user)
    if refusal is not None:
        return refusal
    if round_page.current_phase != Phase.IDEAS:
        span = round_page.span_for(Phase.IDEAS)
        return PostingRefused(
            _("This round collects ideas from %(start)s to %(end)s.")
            % {"start": format_day(span.first_day), "end": format_day(span.last_day)},
            code="ideas_closed",
            status=409,
        )
    return None


def voting_refusal(user, round_page, now=None):
    """Why `user` may not vote (or withdraw a vote) in this round now, or None."""
    refusal = posting_refusal(user)
    if refusal is not None:
        return refusal
    if round_page.voter_eligibility == "residents" and not user.is_resident:
        return PostingRefused(
            _(
                "Only confirmed Jeonju residents can vote in this round. Ask the SOS Lab team to confirm your residence."
            ),
            code="not_resident",
        )
    span = round_page.voting_span
    if not round_page.voting_is_open(now):
        dates = {"start": format_day(span.first_day), "end": format_day(span.last_day)}
        if round_page.voting_has_closed(now):
            message = _("Voting in this round closed on %(end)s (it ran from %(start)s).") % dates
            code = "voting_closed"
        else:
            message = _("Voting in this round opens on %(start)s and runs until %(end)s.") % dates
            code = "voting_not_open"
        return PostingRefused(message, code=code, status=409)
    return None


def can_propose(user, round_page):
    return propose_refusal(user, round_page) is None


def can_vote(user, round_page):
    return voting_refusal(user, round_page) is None


def can_see_counts(user, round_page):
    """Vote counts are public once voting closes; during voting only if the round shows live
    counts. Staff always see them (they run the round); moderators do not get an early look."""
    if round_page.voting_has_closed():
        return True
    if user.is_authenticated and user.is_staff:
        return True
    return round_page.show_live_counts and round_page.voting_is_open()


def can_manage(user):
    """Staff manage rounds, idea statuses and feedback, and export results."""
    return user.is_authenticated and user.is_staff

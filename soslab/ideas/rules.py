"""Who may do what in a lab round: django-rules predicates registered as permissions, checked
only through `user.has_perm("ideas.…", round_page)` / `{% has_perm %}`. The permission table in
tests/ideas/test_permissions.py exercises every role against every phase.

Proposing and voting are two questions: *who* may (the permission: anyone who may post) and
what the round's own rules allow (its phase dates and, for voting, its voter eligibility: facts
of the round that bind everyone, superusers included, so no one votes after voting closed).
`refusal()` asks both and turns a "no" into the precise reason: a PostingRefused with the
translated message, a machine `code` and the HTTP status API clients get.
"""

import rules
from django.utils.translation import gettext_lazy as _

from soslab.accounts.permissions import PostingRefused, posting_refusal
from soslab.accounts.rules import is_staff, may_post
from soslab.core.dates import format_day

from .phases import Phase

PROPOSE = "ideas.propose_idea"
VOTE = "ideas.vote_in_round"
SEE_COUNTS = "ideas.see_vote_counts"
MANAGE = "ideas.manage_round"


@rules.predicate
def voting_open(user, round_page):
    return round_page.voting_is_open()


@rules.predicate
def voting_closed(user, round_page):
    return round_page.voting_has_closed()


@rules.predicate
def shows_live_counts(user, round_page):
    return round_page.show_live_counts


rules.add_perm(PROPOSE, may_post)
rules.add_perm(VOTE, may_post)
# Vote counts are public once voting closes; during voting only if the round shows live counts.
# Staff always see them (they run the round); moderators do not get an early look.
rules.add_perm(SEE_COUNTS, voting_closed | is_staff | (shows_live_counts & voting_open))
# Staff manage rounds, idea statuses and feedback, and export results.
rules.add_perm(MANAGE, is_staff)


NOT_RESIDENT = _(
    "Only confirmed Jeonju residents can vote in this round. Ask the SOS Lab team to confirm your residence."
)


def _ideas_refusal(user, round_page, now=None):
    if (round_page.phase_at(now) if now else round_page.current_phase) == Phase.IDEAS:
        return None
    span = round_page.span_for(Phase.IDEAS)
    return PostingRefused(
        _("This round collects ideas from %(start)s to %(end)s.")
        % {"start": format_day(span.first_day), "end": format_day(span.last_day)},
        code="ideas_closed",
        status=409,
    )


def _voting_refusal(user, round_page, now=None):
    """Only staff-confirmed residents vote in a residents-only round; then the voting dates."""
    if round_page.voter_eligibility == "residents" and not user.is_resident:
        return PostingRefused(NOT_RESIDENT, code="not_resident")
    if round_page.voting_is_open(now):
        return None
    span = round_page.voting_span
    dates = {"start": format_day(span.first_day), "end": format_day(span.last_day)}
    if round_page.voting_has_closed(now):
        message = _("Voting in this round closed on %(end)s (it ran from %(start)s).") % dates
        code = "voting_closed"
    else:
        message = _("Voting in this round opens on %(start)s and runs until %(end)s.") % dates
        code = "voting_not_open"
    return PostingRefused(message, code=code, status=409)


_ROUND_RULES = {PROPOSE: _ideas_refusal, VOTE: _voting_refusal}


def refusal(user, permission, round_page, now=None):
    """Why `user` may not propose (PROPOSE) or vote and withdraw votes (VOTE) in the round now,
    or None when they may."""
    if not user.has_perm(permission, round_page):
        return posting_refusal(user)  # the permission is "may post": this says why not
    return _ROUND_RULES[permission](user, round_page, now)

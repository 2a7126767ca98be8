"""The live audience vote at a results-sharing event: open it on the event's showcased projects,
one tap one vote, jury scores, the weighted ranking and closing it (the ranking is frozen)."""

from django.db import IntegrityError, transaction
from django.db.models import Avg, Count
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from soslab.accounts.permissions import check_can_post
from soslab.core.targets import counter_add

from .models import JuryScore, LiveBallot, LiveVote, LiveVoteOption, LiveVoteStatus
from .rules import RUN_LIVE_VOTE
from .services import TeamActionRefused


def live_vote_open(*, event, actor, audience_weight=None):
    """Open (or reopen) the audience vote on the event's showcased projects."""
    if not actor.has_perm(RUN_LIVE_VOTE):
        raise TeamActionRefused(
            _("Only staff can run the live vote."), code="forbidden", status=403
        )
    projects = event.showcased_projects()
    if not projects:
        raise TeamActionRefused(
            _("Add showcased projects to the event before opening the vote."),
            code="no_projects",
            status=409,
        )
    with transaction.atomic():
        vote, _created = LiveVote.objects.select_for_update().get_or_create(event=event)
        for position, project in enumerate(projects):
            LiveVoteOption.objects.update_or_create(
                vote=vote, project=project, defaults={"sort_order": position}
            )
        vote.status = LiveVoteStatus.OPEN
        vote.opened_at = vote.opened_at or timezone.now()
        vote.closed_at = None
        fields = ["status", "opened_at", "closed_at"]
        if audience_weight is not None:
            vote.audience_weight = audience_weight
            fields.append("audience_weight")
        vote.save(update_fields=fields)
    return vote


def live_vote_cast(*, vote, user, option_id):
    """One tap, one vote: one per account, only while the vote is open."""
    check_can_post(user)
    if not vote.is_open:
        raise TeamActionRefused(_("The vote is not open."), code="vote_closed", status=409)
    option = LiveVoteOption.objects.filter(vote=vote, pk=option_id).first()
    if option is None:
        raise TeamActionRefused(
            _("Choose one of the projects shown."), code="unknown_project", status=400
        )
    try:
        with transaction.atomic():
            ballot = LiveBallot.objects.create(vote=vote, user=user, option=option)
            counter_add(option, "audience_votes", 1)
            counter_add(vote, "total_votes", 1)
    except IntegrityError as exc:
        raise TeamActionRefused(
            _("You have already voted. Thank you!"), code="already_voted", status=409
        ) from exc
    return ballot


def jury_score_set(*, vote, option, juror, score, actor):
    """Enter or correct one juror's score (0-100) for one project."""
    if not actor.has_perm(RUN_LIVE_VOTE):
        raise TeamActionRefused(
            _("Only staff can enter jury scores."), code="forbidden", status=403
        )
    if option.vote_id != vote.pk:
        raise TeamActionRefused(_("Choose one of the projects shown."), code="unknown_project")
    if not 0 <= int(score) <= 100:
        raise TeamActionRefused(_("A score must be between 0 and 100."), code="bad_score")
    with transaction.atomic():
        jury_score, _created = JuryScore.objects.update_or_create(
            vote=vote,
            option=option,
            juror=juror.strip(),
            defaults={"score": int(score), "entered_by": actor, "entered_at": timezone.now()},
        )
    return jury_score


def live_vote_ranking(vote):
    """The ranking as it stands: audience share, mean jury score and the weighted final score
    (0-100) per project, best first. Two queries whatever the number of projects."""
    options = list(
        vote.options.select_related("project")
        .annotate(jury_mean=Avg("jury_scores__score"), jury_count=Count("jury_scores"))
        .order_by("sort_order", "pk")
    )
    total = sum(option.audience_votes for option in options)
    audience_weight = vote.audience_weight / 100
    rows = []
    for option in options:
        share = option.audience_votes / total if total else 0.0
        jury = (option.jury_mean or 0.0) / 100
        rows.append(
            {
                "option_id": option.pk,
                "project_id": option.project_id,
                "title": option.project.title,
                "url": option.project.url,
                "audience_votes": option.audience_votes,
                "audience_percent": round(share * 100, 1),
                "jury_mean": round(option.jury_mean, 1) if option.jury_mean is not None else None,
                "jury_count": option.jury_count,
                "score": round((audience_weight * share + (1 - audience_weight) * jury) * 100, 1),
            }
        )
    rows.sort(key=lambda row: (-row["score"], -row["audience_votes"], row["title"]))
    for position, row in enumerate(rows, start=1):
        row["rank"] = position
    return rows


def live_vote_close(*, vote, actor):
    """Close the vote and freeze the final ranking into the event page."""
    if not actor.has_perm(RUN_LIVE_VOTE):
        raise TeamActionRefused(
            _("Only staff can run the live vote."), code="forbidden", status=403
        )
    with transaction.atomic():
        vote = LiveVote.objects.select_for_update().get(pk=vote.pk)
        vote.status = LiveVoteStatus.CLOSED
        vote.closed_at = timezone.now()
        vote.outcome = live_vote_ranking(vote)
        vote.save(update_fields=["status", "closed_at", "outcome"])
    return vote

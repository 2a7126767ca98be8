"""Writes for ideas and votes. One function per action, keyword-only arguments, one transaction.

Views, the admin and the demo loader call these; none of them repeats the rules.
"""

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from soslab.accounts.permissions import PostingRefused
from soslab.core.targets import counter_add
from soslab.moderation.models import ModerationState
from soslab.moderation.screening import screen
from soslab.moderation.services import new_content_state

from . import rules
from .models import MAX_IMAGES, MAX_TAGS, Ballot, Idea, IdeaImage, IdeaStatus, Vote


class VoteRefused(PostingRefused):
    """A vote or withdrawal was refused; carries the translated reason, a code and a status."""


def _problems_refusal(problems):
    """Ideas must link at least one public problem inside Jeonju."""
    from geo.boundaries import in_city

    if not problems:
        return _("Choose at least one problem this idea solves.")
    for problem in problems:
        if problem.moderation_state != ModerationState.PUBLISHED:
            return _(
                "The problem “%(title)s” is not public, so an idea cannot be linked to it."
            ) % {"title": problem.title}
        outside = problem.has_point and not in_city(problem.lon, problem.lat)
        if outside or (problem.dong_id is None and not problem.has_point):
            return _(
                "The problem “%(title)s” is not in Jeonju, so an idea cannot be linked to it."
            ) % {"title": problem.title}
    return None


def idea_create(
    *,
    author,
    round_page,
    title,
    summary,
    description,
    problems,
    category=None,
    tags=(),
    team_name="",
    images=(),
):
    """Create an idea in `round_page` (raises PostingRefused or ValueError with a message;
    spam is refused and personal data flagged by soslab.moderation.screening).

    `images` are ProcessedImage results of the shared pipeline (soslab.core.images).
    """
    refusal = rules.refusal(author, rules.PROPOSE, round_page)
    if refusal is not None:
        raise refusal
    problems = list(problems)
    message = _problems_refusal(problems)
    if message:
        raise ValueError(message)
    tags = [tag.strip() for tag in tags if tag.strip()]
    if len(tags) > MAX_TAGS:
        raise ValueError(_("Use at most 5 tags."))
    if len(images) > MAX_IMAGES:
        raise ValueError(_("Add at most 3 images."))
    screening = screen(
        author=author,
        texts={
            "title": title,
            "summary": summary,
            "description": description,
            "team_name": team_name,
        },
        links={"description": f"{summary}\n{description}"},
        repeated=("summary", "description"),
    )
    with transaction.atomic():
        idea = Idea.objects.create(
            round=round_page,
            author=author,
            title=title.strip(),
            summary=summary.strip(),
            description=description.strip(),
            category=category or problems[0].category,
            team_name=team_name.strip(),
            moderation_state=new_content_state(author=author),
        )
        idea.problems.set(problems)
        if tags:
            idea.tags.set(tags)
            idea_search_text_refresh(idea=idea, tag_names=tags)
        for position, processed in enumerate(images):
            idea_image_add(idea=idea, processed=processed, position=position)
        screening.record(idea)
    return idea


def idea_search_text_refresh(*, idea, tag_names=None):
    """Write the idea's search text again (after its tags changed; save() follows its text)."""
    idea.search_text = idea.build_search_text(tag_names)
    Idea.objects.filter(pk=idea.pk).update(search_text=idea.search_text)


def idea_image_add(*, idea, processed, position=0, alt_text=""):
    """Store one image for `idea` from soslab.core.images.process_upload's result (already
    re-encoded without EXIF/GPS, with a thumbnail)."""
    return IdeaImage(idea=idea, alt_text=alt_text, position=position).store(processed)


def idea_withdraw(*, idea, user):
    """The author withdraws their idea: it stays readable but takes no more votes."""
    if idea.author_id != user.pk:
        raise PostingRefused(_("Only the author can withdraw this idea."), code="not_author")
    if idea.round.voting_has_closed():
        raise PostingRefused(
            _("Voting has closed, so the idea can no longer be withdrawn."),
            code="voting_closed",
            status=409,
        )
    with transaction.atomic():
        Idea.objects.filter(pk=idea.pk).update(
            status=IdeaStatus.WITHDRAWN, updated_at=timezone.now()
        )
    idea.status = IdeaStatus.WITHDRAWN
    return idea


def idea_status_change(*, idea, status, feedback, actor):
    """Staff set an idea's status with public official feedback."""
    if not actor.has_perm(rules.MANAGE):
        raise PostingRefused(_("Only the SOS Lab team can change an idea's status."), code="staff")
    with transaction.atomic():
        idea.status = status
        if feedback != idea.staff_feedback:
            idea.staff_feedback = feedback
            idea.feedback_at = timezone.now()
        idea.save(update_fields=["status", "staff_feedback", "feedback_at", "updated_at"])
    return idea


def _idea_refusal(idea):
    if idea.moderation_state != ModerationState.PUBLISHED:
        return VoteRefused(
            _(
                "This idea is not public (it is hidden or waiting for review), so it cannot be voted on."
            ),
            code="idea_hidden",
            status=404,
        )
    if idea.status == IdeaStatus.WITHDRAWN:
        return VoteRefused(
            _("The author withdrew this idea, so it no longer takes votes."),
            code="idea_withdrawn",
            status=409,
        )
    return None


def _locked_ballot(*, user, round_page):
    """Get-or-create the (user, round) ballot and lock it for the rest of the transaction.

    The lock serialises one person's parallel votes in a round: the budget check and the vote row
    happen while no other transaction can hold the same ballot. On SQLite the IMMEDIATE
    transaction mode already serialises writers; on PostgreSQL SELECT ... FOR UPDATE does.
    """
    Ballot.objects.get_or_create(round=round_page, user=user)
    return Ballot.objects.select_for_update().get(round=round_page, user=user)


def vote_cast(*, user, idea, dong=None, now=None):
    """Record `user`'s vote for `idea`; raise VoteRefused with the reason when it is not allowed.

    Returns the ballot (votes_used already includes this vote).
    """
    round_page = idea.round
    refusal = rules.refusal(user, rules.VOTE, round_page, now)
    if refusal is not None:
        raise VoteRefused(refusal.message, code=refusal.code, status=refusal.status)
    with transaction.atomic():
        ballot = _locked_ballot(user=user, round_page=round_page)
        # Re-read the idea inside the lock: it may have been hidden or withdrawn meanwhile.
        idea = Idea.objects.get(pk=idea.pk)
        refusal = _idea_refusal(idea)
        if refusal is not None:
            raise refusal
        if Vote.objects.filter(idea=idea, user=user).exists():
            raise VoteRefused(
                _("You have already voted for this idea."), code="already_voted", status=409
            )
        budget = round_page.vote_budget
        if budget and ballot.votes_used >= budget:
            raise VoteRefused(
                _(
                    "You have used all %(budget)s of your votes in this round. Withdraw a vote to vote for another idea."
                )
                % {"budget": budget},
                code="over_budget",
                status=409,
            )
        try:
            with transaction.atomic():
                Vote.objects.create(idea=idea, ballot=ballot, user=user)
        except IntegrityError as exc:  # the unique constraint is the last word
            raise VoteRefused(
                _("You have already voted for this idea."), code="already_voted", status=409
            ) from exc
        counter_add(ballot, "votes_used", 1)
        if dong is not None:
            Ballot.objects.filter(pk=ballot.pk).update(dong=dong)
        counter_add(idea, "vote_count", 1)
    ballot.refresh_from_db()
    return ballot


def vote_withdraw(*, user, idea, now=None):
    """Take back `user`'s vote for `idea` while voting is open; returns the ballot."""
    round_page = idea.round
    refusal = rules.refusal(user, rules.VOTE, round_page, now)
    if refusal is not None:
        raise VoteRefused(refusal.message, code=refusal.code, status=refusal.status)
    with transaction.atomic():
        ballot = _locked_ballot(user=user, round_page=round_page)
        deleted, _detail = Vote.objects.filter(idea=idea, user=user).delete()
        if not deleted:
            raise VoteRefused(
                _("You have not voted for this idea, so there is no vote to withdraw."),
                code="not_voted",
                status=409,
            )
        counter_add(ballot, "votes_used", -1)
        counter_add(idea, "vote_count", -1)
    ballot.refresh_from_db()
    return ballot

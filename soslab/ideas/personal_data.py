"""What ideas holds about a person: exported and erased through soslab.accounts.personal_data."""

from soslab.accounts.personal_data import iso, register
from soslab.core.targets import counter_add

from .models import Ballot, Idea, Vote


def export(user, archive):
    ideas = [
        {
            "id": idea.pk,
            "title": idea.title,
            "description": idea.description,
            "status": idea.status,
            "moderation_state": idea.moderation_state,
            "created_at": iso(idea.created_at),
            "images": archive.photos_add(idea.images.all(), "photos/ideas"),
        }
        for idea in Idea.objects.filter(author=user).prefetch_related("images")
    ]
    ballots = [
        {
            "round": str(b.round),
            "votes_used": b.votes_used,
            "dong": str(b.dong) if b.dong_id else None,
            "created_at": iso(b.created_at),
        }
        for b in Ballot.objects.filter(user=user).select_related("round", "dong")
    ]
    votes = [
        {"idea": v.idea_id, "title": v.idea.title, "created_at": iso(v.created_at)}
        for v in Vote.objects.filter(user=user).select_related("idea")
    ]
    return {"ideas": ideas, "ballots": ballots, "votes": votes}


def erase(user, *, keep):
    """Unless kept, ideas are deleted and the ballots of people who voted for them get their vote
    back. The person's own ballots and votes stay (counted, linked to the anonymous account)."""
    if keep:
        return
    ideas = Idea.objects.filter(author=user)
    for vote in Vote.objects.filter(idea__in=ideas).select_related("ballot"):
        counter_add(vote.ballot, "votes_used", -1)
    for idea in ideas:
        idea.delete()


register("ideas", export=export, erase=erase)

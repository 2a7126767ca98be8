"""Reads behind public profiles (/people/<id>/) and "my activity" (/me/).

Each list is one queryset built from the owning app's visibility rule (`.public()`, the target
registry), so hidden or pending content cannot appear on someone else's view of a profile. The
views paginate them; every page is a constant number of queries."""

from django.contrib.auth.models import AnonymousUser
from django.contrib.contenttypes.models import ContentType
from django.contrib.contenttypes.prefetch import GenericPrefetch
from django.db.models import Q

from soslab.comments.models import Comment
from soslab.core import targets
from soslab.ideas.models import Idea
from soslab.problems.models import Problem
from soslab.teams.models import Membership

#: The lists of a public profile, in tab order.
PROFILE_SECTIONS = ("problems", "ideas", "comments", "teams")


def activity_visible(person, viewer):
    """Whether `viewer` may see `person`'s activity list on the public profile.

    The person themselves and moderators always may. Otherwise not when the person hid it, and
    not for anonymous visitors when the person is under 18 (they see the display name only)."""
    if viewer.is_authenticated and (
        viewer.pk == person.pk or viewer.has_perm("moderation.moderate")
    ):
        return True
    if person.activity_hidden:
        return False
    return not (person.is_minor and not viewer.is_authenticated)


def public_problems(person):
    return (
        Problem.objects.public()
        .filter(author=person)
        .select_related("category")
        .order_by("-created_at", "-pk")
    )


def public_ideas(person):
    return (
        Idea.objects.public()
        .filter(author=person, round__live=True)
        .select_related("round")
        .order_by("-created_at", "-pk")
    )


def _publicly_visible_targets():
    """Q matching comments whose target anyone may see, through the target registry."""
    anonymous = AnonymousUser()
    condition = Q(pk__in=[])
    for entry in targets.registered(targets.COMMENT):
        content_type = ContentType.objects.get_for_model(entry.model)
        condition |= Q(
            content_type=content_type,
            object_id__in=entry.visible_to(anonymous).values("pk"),
        )
    return condition


def _target_prefetch(queryset):
    return queryset.prefetch_related(
        GenericPrefetch(
            "target",
            [
                Problem.objects.all(),
                Idea.objects.select_related("round"),
                *(
                    entry.model.objects.all()
                    for entry in targets.registered(targets.COMMENT)
                    if entry.model not in (Problem, Idea)
                ),
            ],
        )
    )


def with_target_links(rows):
    """Set `target_link` on comments or follows (targets already prefetched): no query per row
    for problems and ideas."""
    for row in rows:
        row.target_link = targets.target_url(row.target) if row.target is not None else ""
    return rows


def public_comments(person):
    """Published, not deleted comments on targets anyone may see."""
    return _target_prefetch(
        Comment.objects.public()
        .filter(author=person, deleted_at__isnull=True)
        .filter(_publicly_visible_targets())
        .order_by("-created_at", "-pk")
    )


def teams_of(person):
    """All of a person's memberships (for /me/)."""
    return Membership.objects.filter(user=person).select_related("team").order_by("-joined_at")


def public_teams(person):
    """Memberships that may appear publicly: not an under-14's before guardian consent."""
    return teams_of(person).consented()


def public_section(person, section):
    return {
        "problems": public_problems,
        "ideas": public_ideas,
        "comments": public_comments,
        "teams": public_teams,
    }[section](person)


# --- My activity: everything of one's own, in any moderation state -------------------------------


def my_problems(user):
    return Problem.objects.filter(author=user).order_by("-created_at", "-pk")


def my_ideas(user):
    return Idea.objects.filter(author=user).select_related("round").order_by("-created_at", "-pk")


def my_comments(user):
    return _target_prefetch(
        Comment.objects.filter(author=user, deleted_at__isnull=True).order_by("-created_at", "-pk")
    )


def my_supports(user):
    return user.problem_supports.select_related("problem").order_by("-pk")


def my_votes(user):
    return user.idea_votes.select_related("idea__round").order_by("-pk")


def my_follows(user):
    return _target_prefetch(user.follows.select_related("content_type").order_by("-pk"))


def my_join_requests(user):
    return user.team_join_requests.select_related("team").order_by("-pk")

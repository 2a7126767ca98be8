"""Location privacy of problems kept in step with their authors: a minor's problems are
published at an approximate point (geo.privacy); an age band change re-applies the rule."""

from django.db import transaction

from .models import Problem


def problem_points_refresh(*, author):
    """Re-apply the location privacy rule to an author's problems (after an age band change).
    One query when nothing changed; idempotent."""
    with transaction.atomic():
        stale = Problem.objects.filter(author=author, lat__isnull=False).exclude(
            location_approximate=author.is_minor
        )
        for problem in stale.select_for_update():
            problem.author = author
            problem.refresh_public_point()
            problem.save(update_fields=list(Problem.PUBLIC_POINT_FIELDS))


def author_saved(sender, instance, created=False, update_fields=None, **kwargs):
    """post_save of the user model: keep published points in step with the author's age band."""
    if created or (update_fields is not None and "age_band" not in update_fields):
        return
    problem_points_refresh(author=instance)

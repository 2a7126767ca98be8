"""What problems holds about a person: exported and erased through soslab.accounts.personal_data."""

from soslab.accounts.personal_data import iso, register

from .models import Problem, Support


def export(user, archive):
    problems = []
    for problem in Problem.objects.filter(author=user).prefetch_related("photos"):
        problems.append(
            {
                "id": problem.pk,
                "title": problem.title,
                "description": problem.description,
                "status": problem.status,
                "moderation_state": problem.moderation_state,
                "moderation_reason": problem.moderation_reason,
                "location_text": problem.location_text,
                "latitude": problem.lat,
                "longitude": problem.lon,
                "created_at": iso(problem.created_at),
                "photos": archive.photos_add(problem.photos.all(), "photos/problems"),
            }
        )
    supports = [
        {"problem": s.problem_id, "title": s.problem.title, "created_at": iso(s.created_at)}
        for s in Support.objects.filter(user=user).select_related("problem")
    ]
    return {"problems": problems, "supports": supports}


def erase(user, *, keep):
    """Problems go unless kept; supports stay (counted, linked to the anonymous account)."""
    if not keep:
        for problem in Problem.objects.filter(author=user):
            problem.delete()  # photos: both copies removed after commit (core.media)


register("problems", export=export, erase=erase)

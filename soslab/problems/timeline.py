"""The public timeline of a problem: one function adds an entry (reported, status, answer, ...)."""

from .models import TimelineEntry


def timeline_add(problem, kind, *, actor=None, note="", from_status="", to_status=""):
    return TimelineEntry.objects.create(
        problem=problem,
        kind=kind,
        actor=actor,
        note=note,
        from_status=from_status,
        to_status=to_status,
    )

"""Problem tasks. Thin: take ids, re-read, call a service; safe to run twice."""

from celery import shared_task

from .ladder import threshold_crossing_notify
from .still_there import problem_ask_still_there, still_there_due


@shared_task(name="soslab.problems.tasks.notify_staff_threshold", time_limit=60, soft_time_limit=50)
def notify_staff_threshold(crossing_id):
    """Tell staff a problem crossed a support threshold (once per crossing)."""
    return threshold_crossing_notify(crossing_id=crossing_id)


@shared_task(name="soslab.problems.tasks.ask_still_there", time_limit=300, soft_time_limit=270)
def ask_still_there():
    """Beat task (daily): ask authors of open problems reported four weeks ago whether the
    problem still exists. Each problem is asked once (still_there_asked_at)."""
    asked = 0
    for problem_id in still_there_due():
        asked += bool(problem_ask_still_there(problem_id=problem_id))
    return asked

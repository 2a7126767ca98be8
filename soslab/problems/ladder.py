"""The support threshold ladder: when a problem's 공감 count reaches a step, the crossing is
recorded once, the problem gets its answer deadline or round-candidate mark, the timeline says so
and staff are told (a Celery task, queued through the outbox)."""

from datetime import timedelta

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from soslab.core.outbox import enqueue
from soslab.notifications.services import message_later, notify_staff

from .models import Problem, ThresholdAction, ThresholdCrossing, ThresholdStep, TimelineKind
from .timeline import timeline_add


def ladder_check(problem_pk, count):
    """Record every ladder step `count` has reached and that this problem has not crossed yet."""
    steps = list(ThresholdStep.objects.filter(supports__lte=count).order_by("supports"))
    if not steps:
        return []
    done = set(
        ThresholdCrossing.objects.filter(problem_id=problem_pk).values_list("supports", flat=True)
    )
    crossed = []
    for step in steps:
        if step.supports in done:
            continue
        try:
            with transaction.atomic():
                crossing = ThresholdCrossing.objects.create(
                    problem_id=problem_pk, supports=step.supports, action=step.action
                )
        except IntegrityError:
            continue
        crossed.append((step, crossing))
    if not crossed:
        return []
    problem = Problem.objects.select_for_update().get(pk=problem_pk)
    now = timezone.now()
    fields = {"threshold_supports"}
    for step, crossing in crossed:
        problem.threshold_supports = max(problem.threshold_supports, step.supports)
        if (
            step.action == ThresholdAction.ANSWER_REQUIRED
            and problem.answered_at is None
            and problem.answer_due_at is None
        ):
            problem.answer_due_at = now + timedelta(days=step.answer_days or 14)
            fields.add("answer_due_at")
        if step.action == ThresholdAction.ROUND_CANDIDATE and problem.round_candidate_at is None:
            problem.round_candidate_at = now
            fields.add("round_candidate_at")
        timeline_add(
            problem,
            TimelineKind.THRESHOLD,
            note=_("%(count)s neighbours supported this problem: %(action)s")
            % {"count": step.supports, "action": step.get_action_display()},
        )

        enqueue("soslab.problems.tasks.notify_staff_threshold", crossing.pk)
    problem.save(update_fields=sorted(fields))
    return [crossing for _step, crossing in crossed]


def _threshold_message(crossing, problem):
    """The staff notification of a crossing, written in each recipient's language."""
    if crossing.action == ThresholdAction.ANSWER_REQUIRED:
        due = timezone.localtime(problem.answer_due_at).date() if problem.answer_due_at else "-"
        return message_later(
            gettext_lazy("'%(title)s' reached %(count)s supports: staff must answer by %(date)s."),
            title=problem.title,
            count=crossing.supports,
            date=str(due),
        )
    return message_later(
        gettext_lazy(
            "'%(title)s' reached %(count)s supports: it is a candidate for the next lab round."
        ),
        title=problem.title,
        count=crossing.supports,
    )


def threshold_crossing_notify(*, crossing_id):
    """Tell staff a problem reached a ladder step. Idempotent: only the first call notifies."""
    with transaction.atomic():
        updated = ThresholdCrossing.objects.filter(
            pk=crossing_id, staff_notified_at__isnull=True
        ).update(staff_notified_at=timezone.now())
        if not updated:
            return False
        crossing = ThresholdCrossing.objects.select_related("problem").get(pk=crossing_id)
        problem = crossing.problem
        notify_staff(
            kind="threshold", target=problem, message=_threshold_message(crossing, problem)
        )
    return True

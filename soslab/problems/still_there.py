"""“Is it still there?”: four weeks after a report its author is asked once (a daily Celery
task) and answers on the problem's page with a public timeline entry."""

from datetime import timedelta

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from soslab.accounts.permissions import check_can_post
from soslab.notifications.services import message_later, notify, notify_staff

from .models import OPEN_STATUSES, Problem, TimelineKind
from .services import ProblemRefused
from .timeline import timeline_add

STILL_THERE_AFTER_DAYS = 28


def still_there_due():
    """Ids of public open problems reported at least four weeks ago whose author was not asked."""
    cutoff = timezone.now() - timedelta(days=STILL_THERE_AFTER_DAYS)
    return list(
        Problem.objects.public()
        .filter(
            status__in=OPEN_STATUSES,
            created_at__lte=cutoff,
            still_there_asked_at__isnull=True,
        )
        .order_by("pk")
        .values_list("pk", flat=True)[:1000]
    )


def problem_ask_still_there(*, problem_id):
    """Ask the author whether the problem still exists (once). Idempotent."""
    with transaction.atomic():
        updated = Problem.objects.filter(
            pk=problem_id, still_there_asked_at__isnull=True, status__in=OPEN_STATUSES
        ).update(still_there_asked_at=timezone.now())
        if not updated:
            return False
        problem = Problem.objects.select_related("author").get(pk=problem_id)
        notify(
            recipients=[problem.author],
            kind="still_there",
            target=problem,
            message=message_later(
                gettext_lazy(
                    "Four weeks ago you reported '%(title)s'. Is it still there? Tell your neighbours on its page."
                ),
                title=problem.title,
            ),
        )
    return True


def problem_still_there_answer(*, problem, user, still_there, note=""):
    """The author says whether the problem still exists: a public timeline entry; staff are told
    when it is fixed (only staff change the status)."""
    if not user.has_perm("problems.answer_still_there", problem):
        raise ProblemRefused(
            _("Only the person who reported this problem can answer."),
            code="permission_denied",
            status=403,
        )
    check_can_post(user)  # a public timeline entry: read-only people cannot add one
    with transaction.atomic():
        kind = TimelineKind.STILL_THERE if still_there else TimelineKind.FIXED
        entry = timeline_add(problem, kind, actor=user, note=(note or "").strip()[:1000])
        if not still_there:
            message = message_later(
                gettext_lazy("The reporter says '%(title)s' is fixed. Please check its status."),
                title=problem.title,
            )

            transaction.on_commit(
                lambda: notify_staff(kind="status", target=problem, message=message), robust=True
            )
    return entry

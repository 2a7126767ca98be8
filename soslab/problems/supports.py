"""공감 (supports): add, withdraw, and which problems a person supports. One support per person
(a database unique constraint); the stored counter moves in the same transaction (counter_add)."""

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from soslab.accounts.permissions import check_can_post
from soslab.core import ratelimit
from soslab.core.targets import counter_add
from soslab.notifications.services import follow_subscribe

from .ladder import ladder_check
from .models import Support
from .services import ProblemRefused


def supported_ids(user, problems):
    """The ids among `problems` that `user` supports (one query; empty for anonymous people)."""
    if not getattr(user, "is_authenticated", False) or not problems:
        return set()
    return set(
        Support.objects.filter(user=user, problem_id__in=[p.pk for p in problems]).values_list(
            "problem_id", flat=True
        )
    )


def support_add(*, problem, user, client_ip=None):
    """공감. One per person (database unique constraint); the counter moves in the same
    transaction (counter_add), the supporter follows the problem and the threshold ladder is
    checked. Web callers pass `client_ip` for the "support" rate limit. Returns True if a new
    support was recorded, False if it already existed."""
    check_can_post(user)
    if client_ip is not None:
        ratelimit.hit_for("support", user=user, ip=client_ip)
    if not user.has_perm("problems.support_problem", problem):
        raise ProblemRefused(
            _("This problem is closed and no longer takes supports."),
            code="closed",
            status=409,
        )
    with transaction.atomic():
        try:
            with transaction.atomic():
                Support.objects.create(problem=problem, user=user)
        except IntegrityError:
            return False
        # Our UPDATE holds the row lock until commit, so the count read back is exact.
        counter_add(problem, "support_count", 1)
        # Supporters hear when staff answer (journey 1); they can unfollow at any time.
        follow_subscribe(user=user, target=problem)
        ladder_check(problem.pk, problem.support_count)
    return True


def support_remove(*, problem, user, client_ip=None):
    """Withdraw a 공감. Returns True if one was removed. Crossed thresholds stay recorded."""
    if client_ip is not None:
        ratelimit.hit_for("support", user=user, ip=client_ip)
    with transaction.atomic():
        deleted, _details = Support.objects.filter(problem=problem, user=user).delete()
        if deleted:
            counter_add(problem, "support_count", -1)
    return bool(deleted)

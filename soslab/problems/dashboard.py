"""Staff dashboard panels on the Wagtail admin home (registered in wagtail_hooks): official answers
due and overdue, and this week's new problems by category. Each panel costs a fixed number of
queries whatever the number of rows, and shows at most ROWS rows with a link to the full list."""

from datetime import timedelta

from django.db.models import Count, Min, Q
from django.urls import reverse
from django.utils import timezone
from wagtail.admin.ui.components import Component

from .models import Problem

ROWS = 10


class AnswersDuePanel(Component):
    """Problems that owe an official answer, oldest due date first, with D-n (negative: overdue)."""

    name = "problems_answers_due"
    template_name = "problems/admin/dashboard_answers_due.html"
    order = 60

    def get_context_data(self, parent_context):
        now = timezone.now()
        waiting = Problem.objects.filter(answer_due_at__isnull=False, answered_at__isnull=True)
        totals = waiting.aggregate(
            total=Count("pk"), overdue=Count("pk", filter=Q(answer_due_at__lt=now))
        )
        rows = list(waiting.select_related("category").order_by("answer_due_at", "pk")[:ROWS])
        today = timezone.localdate()
        for problem in rows:
            problem.days_left = (timezone.localtime(problem.answer_due_at).date() - today).days
            problem.days_over = f"+{-problem.days_left}"  # D+3: three days overdue
            problem.staff_url = reverse("problem_admin:edit", args=[problem.pk])
        return {
            "rows": rows,
            "totals": totals,
            "more": totals["total"] > len(rows),
            "list_url": reverse("problem_admin:index") + "?ordering=answer_due_at",
        }


class NewProblemsPanel(Component):
    """Problems reported in the last 7 days (all states, so staff see pending ones too), by category."""

    name = "problems_this_week"
    template_name = "problems/admin/dashboard_new_problems.html"
    order = 70

    def get_context_data(self, parent_context):
        since = timezone.now() - timedelta(days=7)
        rows = list(
            Problem.objects.filter(created_at__gte=since)
            .order_by()
            .values("category__name", "category__name_en", "category__sort_order")
            .annotate(n=Count("pk"), first=Min("created_at"))
            .order_by("-n", "category__sort_order")
        )
        return {
            "rows": rows,
            "total": sum(row["n"] for row in rows),
            "list_url": reverse("problem_admin:index"),
        }

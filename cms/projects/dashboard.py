"""Staff dashboard panel on the Wagtail admin home: team project pages in a review workflow
(Wagtail workflow states in progress), oldest first, each linking to the page editor. Two queries
whatever the number of pages."""

import rules
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse
from wagtail.admin.ui.components import Component
from wagtail.models import WorkflowState

from soslab.accounts.rules import is_staff

from .models import ProjectPage

ROWS = 10
SEE_REVIEWS = "cms.see_project_reviews"
rules.add_perm(SEE_REVIEWS, is_staff)


class ProjectReviewPanel(Component):
    name = "projects_in_review"
    template_name = "cms/admin/dashboard_project_reviews.html"
    order = 90

    def get_context_data(self, parent_context):
        states = WorkflowState.objects.active().filter(
            content_type=ContentType.objects.get_for_model(ProjectPage)
        )
        rows = list(
            states.select_related("workflow", "current_task_state__task").order_by(
                "created_at", "pk"
            )[: ROWS + 1]
        )
        more = len(rows) > ROWS
        rows = rows[:ROWS]
        pages = ProjectPage.objects.in_bulk([int(state.object_id) for state in rows])
        for state in rows:
            state.project = pages.get(int(state.object_id))
            state.edit_url = reverse("wagtailadmin_pages:edit", args=[state.object_id])
        return {
            "rows": [state for state in rows if state.project is not None],
            "more": more,
            "list_url": reverse("wagtailadmin_reports:workflow"),
        }

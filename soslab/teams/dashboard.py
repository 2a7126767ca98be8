"""Staff dashboard panel on the Wagtail admin home: guardian consents still missing (one query),
linking to the consent screen where staff record them."""

from django.db.models import Count, Min
from django.urls import reverse
from wagtail.admin.ui.components import Component

from .admin_views import children_missing_consent


class ConsentPendingPanel(Component):
    name = "teams_consent_pending"
    template_name = "teams/admin/dashboard_consent.html"
    order = 80

    def get_context_data(self, parent_context):
        summary = (
            children_missing_consent()
            .order_by()
            .aggregate(total=Count("pk", distinct=True), oldest=Min("date_joined"))
        )
        return {"summary": summary, "url": reverse("teams_admin:consent")}

"""Wagtail admin: the moderation queue (menu item + views), the dashboard panel, the audit-log
actions and the editable hide-reason snippet. Only moderators and staff see any of it."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from . import admin_actions, admin_views
from .models import HideReason

LOG_ACTIONS = {
    "soslab_moderation.report": (_("Report"), _("Reported by a member")),
    "soslab_moderation.flag": (_("Flag"), _("Flagged automatically for review")),
    "soslab_moderation.auto_hide": (_("Auto-hide"), _("Hidden automatically after reports")),
    "soslab_moderation.hide": (_("Hide"), _("Hidden by a moderator")),
    "soslab_moderation.restore": (_("Restore"), _("Restored by a moderator")),
    "soslab_moderation.approve": (_("Approve"), _("Approved (pre-moderation)")),
    "soslab_moderation.edit": (_("Moderator edit"), _("Edited by a moderator (original kept)")),
    "soslab_moderation.dismiss": (_("Dismiss reports"), _("Reports dismissed")),
    "soslab_moderation.block": (_("Block"), _("Person blocked from posting")),
    "soslab_moderation.unblock": (_("Unblock"), _("Person unblocked")),
    "soslab_moderation.appeal": (_("Appeal"), _("Appeal sent by the author")),
    "soslab_moderation.appeal_reject": (_("Reject appeal"), _("Appeal rejected")),
}


@hooks.register("register_log_actions")
def register_moderation_log_actions(actions):
    for action, (label, message) in LOG_ACTIONS.items():
        actions.register_action(action, label, message)


@hooks.register("register_admin_urls")
def register_moderation_urls():
    urls = [
        path("", admin_views.queue, name="queue"),
        path("bulk/", admin_actions.bulk_action, name="bulk"),
        path("<int:pk>/", admin_views.case_detail, name="case"),
        path("<int:pk>/edit/", admin_views.case_edit, name="edit"),
        path("<int:pk>/<slug:action>/", admin_actions.case_action, name="action"),
    ]
    return [path("moderation/", include((urls, "moderation_admin"), namespace="moderation_admin"))]


class ModerationMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("moderation.moderate")


@hooks.register("register_admin_menu_item")
def register_moderation_menu_item():
    return ModerationMenuItem(
        _("Moderation queue"),
        reverse("moderation_admin:queue"),
        name="moderation-queue",
        icon_name="warning",
        order=150,
    )


DASHBOARD_ROWS = 10


class ModerationPendingPanel(Component):
    """Dashboard panel: how much is waiting, the oldest items and for how long (two queries)."""

    name = "moderation_pending"
    template_name = "moderation/admin/dashboard_panel.html"
    order = 50

    def get_context_data(self, parent_context):
        return {
            "summary": admin_views.pending_summary(),
            "oldest": admin_views.oldest_waiting(DASHBOARD_ROWS),
        }


@hooks.register("construct_homepage_panels")
def add_moderation_panel(request, panels):
    if request.user.has_perm("moderation.moderate"):
        panels.append(ModerationPendingPanel())


class HideReasonViewSet(SnippetViewSet):
    model = HideReason
    icon = "warning"
    menu_label = _("Hide reasons")
    list_display = ["title", "sort_order"]


register_snippet(HideReasonViewSet)

"""Ideas in the Wagtail admin (status and official feedback) and the problem chooser."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, ObjectList
from wagtail.admin.viewsets.model import ModelViewSet

from soslab.core.admin_views import SafeExportIndexView

from .choosers import problem_chooser_viewset
from .models import Idea
from .services import idea_search_text_refresh


class IdeaAdminForm(WagtailAdminModelForm):
    """Staff change an idea's status and write the official feedback; the time is recorded."""

    def save(self, commit=True):
        if "staff_feedback" in self.changed_data:
            self.instance.feedback_at = timezone.now()
        idea = super().save(commit=commit)
        if commit and "tags" in self.changed_data:
            idea_search_text_refresh(idea=idea)
        return idea


class IdeaViewSet(ModelViewSet):
    model = Idea
    icon = "pick"
    menu_label = _("Ideas")
    menu_order = 210
    add_to_admin_menu = True
    copy_view_enabled = False
    inspect_view_enabled = True
    list_display = ["title", "round", "status", "vote_count", "moderation_state", "created_at"]
    list_filter = ["status", "moderation_state", "round"]
    search_fields = ["title", "summary"]
    list_export = ["title", "status", "vote_count", "comment_count", "created_at"]
    index_view_class = SafeExportIndexView
    ordering = ["-created_at"]

    edit_handler = ObjectList(
        [
            MultiFieldPanel(
                [FieldPanel("status"), FieldPanel("staff_feedback", widget=forms.Textarea)],
                heading=_("Status and official feedback"),
            ),
            MultiFieldPanel(
                [
                    FieldPanel("title"),
                    FieldPanel("summary"),
                    FieldPanel("description"),
                    FieldPanel("category"),
                    FieldPanel("tags"),
                    FieldPanel("team_name"),
                ],
                heading=_("Idea (as the author wrote it)"),
            ),
            MultiFieldPanel(
                [FieldPanel("moderation_state"), FieldPanel("moderation_reason")],
                heading=_("Moderation"),
            ),
        ],
        base_form_class=IdeaAdminForm,
    )


@hooks.register("register_admin_viewset")
def register_idea_viewset():
    return IdeaViewSet("idea_admin")


@hooks.register("register_admin_viewset")
def register_problem_chooser():
    return problem_chooser_viewset

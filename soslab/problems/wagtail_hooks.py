"""Problems in the Wagtail admin, and the home page's "latest problems" section.

Staff manage problems here: answer (from reusable templates), move them through their statuses,
merge duplicates and correct the text. Every change goes through services.py, so the public
timeline, the kept original text, the answer countdown and the followers' notifications are the
same whether staff act here or on the public page. Categories are a snippet; answer templates and
the support threshold ladder sit in the same "Problems" menu group.
"""

from django import forms
from django.contrib import messages
from django.db import transaction
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, HelpPanel, MultiFieldPanel, ObjectList
from wagtail.admin.views.generic import EditView
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from soslab.accounts.permissions import PostingRefused
from soslab.core.admin_views import SafeExportIndexView

from . import dashboard, services
from .models import (
    AnswerTemplate,
    Category,
    OfficialAnswer,
    Problem,
    ProblemStatus,
    ThresholdStep,
)


class CategoryViewSet(SnippetViewSet):
    """Problem categories (교통, 안전, 대기환경, 생활환경, 기타): name, colour and icon."""

    model = Category
    icon = "tag"
    menu_label = _("Problem categories")
    list_display = ["name", "name_en", "slug", "colour", "sort_order"]
    ordering = ["sort_order", "name"]


register_snippet(CategoryViewSet)


class ProblemAdminForm(WagtailAdminModelForm):
    """The model fields are the author's text (corrections keep the original); the extra fields
    are staff actions, each carried out by a service on save."""

    new_status = forms.ChoiceField(
        label=_("Status"),
        choices=[c for c in ProblemStatus.choices if c[0] != ProblemStatus.DUPLICATE],
        required=False,
    )
    status_note = forms.CharField(
        label=_("Public note for the timeline"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    answer_template = forms.ModelChoiceField(
        label=_("Answer template"),
        queryset=AnswerTemplate.objects.all(),
        required=False,
        help_text=_("Used when the answer below is empty."),
    )
    answer_body = forms.CharField(
        label=_("New official answer"),
        required=False,
        max_length=10_000,
        widget=forms.Textarea(attrs={"rows": 5}),
    )
    duplicate_of_number = forms.IntegerField(
        label=_("Duplicate of problem number"),
        required=False,
        min_value=1,
        help_text=_("Supports and followers move to that problem."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        problem = self.instance
        if problem.pk:
            self.fields["new_status"].initial = problem.status
            self.fields["answer_template"].queryset = AnswerTemplate.objects.filter(
                Q(category__isnull=True) | Q(category_id=problem.category_id)
            )

    def clean(self):
        cleaned = super().clean()
        number = cleaned.get("duplicate_of_number")
        if number:
            original = Problem.objects.filter(pk=number).first()
            if original is None:
                self.add_error("duplicate_of_number", _("There is no problem with that number."))
            elif original.pk == self.instance.pk:
                self.add_error(
                    "duplicate_of_number", _("A problem cannot be a duplicate of itself.")
                )
            cleaned["duplicate_original"] = original
        if not (cleaned.get("answer_body") or "").strip() and cleaned.get("answer_template"):
            cleaned["answer_body"] = cleaned["answer_template"].body
        return cleaned


class ProblemEditView(EditView):
    def save_instance(self):
        """Carry out each staff action through its service, in one transaction."""
        form, user = self.form, self.request.user
        problem = Problem.objects.get(pk=self.object.pk)
        data = form.cleaned_data
        try:
            with transaction.atomic():
                text_fields = {"title", "description", "category", "tags", "location_text"}
                if text_fields & set(form.changed_data):
                    problem = services.problem_edit(
                        problem=problem,
                        editor=user,
                        title=data["title"],
                        description=data["description"],
                        category=data["category"],
                        tags=data.get("tags") or [],
                        location_text=data.get("location_text", ""),
                    )
                if (data.get("answer_body") or "").strip():
                    services.answer_add(problem=problem, author=user, body=data["answer_body"])
                if data.get("duplicate_original") is not None:
                    services.problem_mark_duplicate(
                        duplicate=problem,
                        original=data["duplicate_original"],
                        actor=user,
                        note=data.get("status_note", ""),
                    )
                elif data.get("new_status") and data["new_status"] != problem.status:
                    services.problem_status_change(
                        problem=problem,
                        status=data["new_status"],
                        actor=user,
                        note=data.get("status_note", ""),
                    )
        except PostingRefused as exc:
            messages.error(self.request, exc.message)
        problem.refresh_from_db()
        return problem


class CitizenContentPermissionPolicy(ModelPermissionPolicy):
    """Problems and answers are created on the public site through the services (author, place,
    moderation state, timeline), never from a blank admin form."""

    def user_has_permission(self, user, action):
        if action in ("add", "copy"):
            return False
        return super().user_has_permission(user, action)


register_permission_policy(Problem, CitizenContentPermissionPolicy(Problem), exact_class=True)
register_permission_policy(
    OfficialAnswer, CitizenContentPermissionPolicy(OfficialAnswer), exact_class=True
)


class ProblemViewSet(ModelViewSet):
    model = Problem
    icon = "warning"
    menu_label = _("Problems")
    edit_view_class = ProblemEditView
    copy_view_enabled = False
    inspect_view_enabled = True
    list_display = [
        "title",
        "category",
        "dong",
        "status",
        "support_count",
        "answer_due_at",
        "moderation_state",
        "created_at",
    ]
    list_filter = ["status", "category", "moderation_state", "dong"]
    search_fields = ["title", "description"]
    list_export = ["title", "status", "support_count", "comment_count", "created_at"]
    index_view_class = SafeExportIndexView
    ordering = ["-created_at"]

    edit_handler = ObjectList(
        [
            MultiFieldPanel(
                [
                    FieldPanel("answer_template"),
                    FieldPanel("answer_body"),
                ],
                heading=_("Official answer"),
            ),
            MultiFieldPanel(
                [
                    FieldPanel("new_status"),
                    FieldPanel("duplicate_of_number"),
                    FieldPanel("status_note"),
                ],
                heading=_("Status (shown on the public timeline)"),
            ),
            MultiFieldPanel(
                [
                    HelpPanel(
                        content=_(
                            "Corrections keep the author's original text and appear on the timeline."
                        )
                    ),
                    FieldPanel("title"),
                    FieldPanel("description"),
                    FieldPanel("category"),
                    FieldPanel("tags"),
                    FieldPanel("location_text"),
                ],
                heading=_("Text"),
            ),
        ],
        base_form_class=ProblemAdminForm,
    )


class OfficialAnswerViewSet(ModelViewSet):
    model = OfficialAnswer
    icon = "openquote"
    menu_label = _("Official answers")
    copy_view_enabled = False
    list_display = ["problem", "author", "created_at"]
    form_fields = ["body"]
    ordering = ["-created_at"]


class AnswerTemplateViewSet(ModelViewSet):
    model = AnswerTemplate
    icon = "doc-full"
    menu_label = _("Answer templates")
    list_display = ["title", "category"]
    form_fields = ["title", "category", "body"]


class ThresholdStepViewSet(ModelViewSet):
    model = ThresholdStep
    icon = "order"
    menu_label = _("Support thresholds")
    list_display = ["supports", "action", "answer_days"]
    form_fields = ["supports", "action", "answer_days"]


class ProblemsViewSetGroup(ViewSetGroup):
    menu_label = _("Problems")
    menu_icon = "warning"
    menu_order = 200
    items = (
        ProblemViewSet("problem_admin"),
        OfficialAnswerViewSet("problem_answer_admin"),
        AnswerTemplateViewSet("answer_template_admin"),
        ThresholdStepViewSet("threshold_step_admin"),
    )


@hooks.register("register_admin_viewset")
def register_problem_viewsets():
    return ProblemsViewSetGroup()


@hooks.register("soslab_home_sections")
def latest_problems_section(request):
    """The six newest public problems, with a link to report one."""
    from django.templatetags.static import static

    problems = list(Problem.objects.public().with_list_data().order_by("-created_at", "-pk")[:6])
    return {
        "template": "problems/home_section.html",
        "order": 10,
        "problems": problems,
        "css": static("css/problems.css"),
    }


@hooks.register("construct_homepage_panels")
def add_problem_panels(request, panels):
    """Staff dashboard: answers due and overdue, this week's new problems (soslab.problems.dashboard)."""
    if request.user.has_perm("problems.answer_problem"):
        panels.append(dashboard.AnswersDuePanel())
    if request.user.has_perm("problems.change_problem_status"):
        panels.append(dashboard.NewProblemsPanel())

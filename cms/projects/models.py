"""Maker team project pages (프로젝트) under the projects index at /projects/.

Team members edit their own project in the Wagtail admin (their team's group holds edit, not
publish, permission on that page only: cms.projects.permissions) and submit it to
the "Project review" workflow; staff approve and publish. Drafts stay private. Publishing a
project that addresses problems moves them to "in a project" once
(cms.projects.services.project_problems_announce).
"""

from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.core.validators import MaxValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from cms.blocks import project_body_blocks

PAGE_SIZE = 20


class ProgressStatus(models.TextChoices):
    PLANNING = "planning", _("Planning")
    BUILDING = "building", _("Building")
    TESTING = "testing", _("Testing with residents")
    DONE = "done", _("Finished")
    PAUSED = "paused", _("Paused")


class ProblemSolved(models.TextChoices):
    UNKNOWN = "unknown", _("Not known yet")
    NO = "no", _("No")
    PARTLY = "partly", _("Partly")
    YES = "yes", _("Yes")


def _people_agreed_error(image, agreed, field):
    if image is not None and not agreed:
        return {
            field: ValidationError(
                _("Confirm that the people shown agreed before publishing this photo."),
                code="people_agreed",
            )
        }
    return {}


class ProjectIndexPage(Page):
    """The list of maker team projects at /projects/. Editors write the introduction; the list
    fills itself with published project pages, newest first, 20 per page."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["cms.HomePage"]
    subpage_types = ["cms.ProjectPage"]
    max_count = 1

    class Meta:
        verbose_name = _("projects index")

    def projects(self):
        return (
            ProjectPage.objects.live()
            .public()
            .descendant_of(self)
            .select_related("team", "cover_image")
            .order_by("-first_published_at", "-pk")
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        projects = self.projects()
        status = request.GET.get("status", "")
        if status in ProgressStatus.values:
            projects = projects.filter(progress_status=status)
        paginator = Paginator(projects, PAGE_SIZE)
        context["page_obj"] = paginator.get_page(request.GET.get("page"))
        context["statuses"] = ProgressStatus.choices
        context["current_status"] = status
        return context


class ProjectPage(Page):
    """One maker team's project: what they build for which problems, how far they are, and what
    changed. Written by the team, approved by staff through the Project review workflow."""

    team = models.ForeignKey(
        "teams.Team",
        verbose_name=_("team"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="projects",
    )
    problems = ParentalManyToManyField(
        "problems.Problem",
        verbose_name=_("problems it addresses"),
        blank=True,
        related_name="projects",
        limit_choices_to={"moderation_state": "published"},
        help_text=_("Publishing the project moves these problems to “in a project”."),
    )
    idea = models.ForeignKey(
        "ideas.Idea",
        verbose_name=_("originating idea"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="projects",
        limit_choices_to={"moderation_state": "published"},
    )
    summary = models.TextField(
        _("summary"), max_length=500, help_text=_("Two or three sentences; plain text.")
    )
    cover_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("cover image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    cover_alt = models.CharField(_("cover image alternative text"), max_length=200, blank=True)
    cover_people_agreed = models.BooleanField(
        _("The people shown agreed to this photo being published"), default=False
    )
    body = StreamField(project_body_blocks(), verbose_name=_("story"), blank=True)

    progress_status = models.CharField(
        _("progress"),
        max_length=10,
        choices=ProgressStatus.choices,
        default=ProgressStatus.PLANNING,
        db_index=True,
    )
    progress_percent = models.PositiveSmallIntegerField(
        _("percent done"), default=0, validators=[MaxValueValidator(100)]
    )

    outcome_what_changed = models.TextField(_("what changed"), blank=True)
    outcome_reach = models.TextField(
        _("who it reached"), blank=True, help_text=_("Which residents, where, how many.")
    )
    outcome_people_reached = models.PositiveIntegerField(
        _("number of people reached"), null=True, blank=True
    )
    problem_solved = models.CharField(
        _("is the problem solved?"),
        max_length=10,
        choices=ProblemSolved.choices,
        default=ProblemSolved.UNKNOWN,
    )
    featured = models.BooleanField(
        _("feature on the home page"), default=False, help_text=_("Set by staff.")
    )

    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("body"),
    ]

    content_panels = [
        *Page.content_panels,
        FieldPanel("team", permission="teams.change_team"),
        FieldPanel("problems"),
        FieldPanel("idea"),
        FieldPanel("summary"),
        MultiFieldPanel(
            [FieldPanel("cover_image"), FieldPanel("cover_alt"), FieldPanel("cover_people_agreed")],
            heading=_("Cover image"),
        ),
        FieldPanel("body"),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("progress_status"), FieldPanel("progress_percent")])],
            heading=_("Progress"),
        ),
        InlinePanel("updates", label=_("Progress updates"), heading=_("Progress updates")),
        MultiFieldPanel(
            [
                FieldPanel("outcome_what_changed"),
                FieldPanel("outcome_reach"),
                FieldPanel("outcome_people_reached"),
                FieldPanel("problem_solved"),
            ],
            heading=_("Outcome"),
        ),
    ]
    promote_panels = [*Page.promote_panels, FieldPanel("featured", permission="teams.change_team")]

    parent_page_types = ["cms.ProjectIndexPage"]
    subpage_types: list = []

    class Meta:
        verbose_name = _("project page")
        verbose_name_plural = _("project pages")

    def clean(self):
        super().clean()
        errors = _people_agreed_error(
            self.cover_image, self.cover_people_agreed, "cover_people_agreed"
        )
        if errors:
            raise ValidationError(errors)

    def public_members(self):
        """Team members shown on the page: under-14s only with recorded consent; names are
        display names only."""
        if self.team_id is None:
            return []
        return list(
            self.team.memberships.consented().select_related("user").order_by("joined_at", "pk")
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["members"] = self.public_members()
        context["updates"] = list(self.updates.select_related("photo").order_by("-date", "-pk"))
        return context


class ProjectUpdate(Orderable):
    """A dated progress update on a project, optionally with a photo."""

    page = ParentalKey(ProjectPage, on_delete=models.CASCADE, related_name="updates")
    date = models.DateField(_("date"))
    title = models.CharField(_("title"), max_length=120)
    text = models.TextField(_("what happened"), max_length=2000, blank=True)
    photo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("photo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    photo_alt = models.CharField(_("photo alternative text"), max_length=200, blank=True)
    photo_people_agreed = models.BooleanField(
        _("The people shown agreed to this photo being published"), default=False
    )

    panels = [
        FieldRowPanel([FieldPanel("date"), FieldPanel("title")]),
        FieldPanel("text"),
        FieldPanel("photo"),
        FieldPanel("photo_alt"),
        FieldPanel("photo_people_agreed"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("progress update")
        verbose_name_plural = _("progress updates")

    def clean(self):
        super().clean()
        errors = _people_agreed_error(self.photo, self.photo_people_agreed, "photo_people_agreed")
        if errors:
            raise ValidationError(errors)

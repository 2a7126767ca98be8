"""Results-sharing events (결과공유회): the archive at /results/ and one page per event.

The statistics on an event page are computed from its round's data
(cms.results.statistics.round_statistics), never typed in. The live audience vote is a
soslab.teams.models.LiveVote attached to the event; its public pages are routes of the event page
(`vote/`, `vote/results/` JSON, `vote/qr/` SVG, `projector/`) served by cms/results/views.py.
"""

from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    PageChooserPanel,
)
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page

from cms.blocks import GalleryBlock, PhotoBlock, VideoBlock
from soslab.teams.models import LiveVote

from . import views
from .statistics import round_statistics

PAGE_SIZE = 20


class ResultsIndexPage(Page):
    """/results/: the archive of results-sharing events, upcoming first, then past ones."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["cms.HomePage"]
    subpage_types = ["cms.ResultsEventPage"]
    max_count = 1

    class Meta:
        verbose_name = _("results-sharing index")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        events = (
            ResultsEventPage.objects.live()
            .public()
            .child_of(self)
            .select_related("round")
            .order_by("-starts_at", "-pk")
        )
        now = timezone.now()
        context["upcoming"] = list(events.filter(starts_at__gte=now).order_by("starts_at", "pk"))
        paginator = Paginator(events.filter(starts_at__lt=now), PAGE_SIZE)
        context["page_obj"] = paginator.get_page(request.GET.get("page"))
        return context


class ResultsEventPage(RoutablePageMixin, Page):
    """One results-sharing event: when and where, the schedule, the projects shown, awards,
    photos and video, the round's statistics, and the live audience vote."""

    round = models.ForeignKey(
        "cms.RoundPage",
        verbose_name=_("lab round"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="results_events",
        help_text=_("The statistics shown on the page are computed from this round's data."),
    )
    starts_at = models.DateTimeField(_("starts at"), db_index=True)
    ends_at = models.DateTimeField(_("ends at"), null=True, blank=True)
    venue_name = models.CharField(_("venue"), max_length=120)
    venue_address = models.CharField(_("venue address"), max_length=200, blank=True)
    venue_lat = models.FloatField(_("venue latitude"), null=True, blank=True)
    venue_lon = models.FloatField(_("venue longitude"), null=True, blank=True)
    intro = models.TextField(_("introduction"), blank=True)
    media = StreamField(
        [("photo", PhotoBlock()), ("gallery", GalleryBlock()), ("video", VideoBlock())],
        verbose_name=_("photos and video"),
        blank=True,
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("round"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("starts_at"), FieldPanel("ends_at")]),
                FieldPanel("venue_name"),
                FieldPanel("venue_address"),
                FieldRowPanel([FieldPanel("venue_lat"), FieldPanel("venue_lon")]),
            ],
            heading=_("When and where"),
        ),
        FieldPanel("intro"),
        InlinePanel("schedule_items", heading=_("Schedule"), label=_("schedule item")),
        InlinePanel("showcased", heading=_("Showcased projects"), label=_("project")),
        InlinePanel("awards", heading=_("Awards"), label=_("award")),
        FieldPanel("media"),
    ]
    parent_page_types = ["cms.ResultsIndexPage"]
    subpage_types: list = []

    class Meta:
        verbose_name = _("results-sharing event")
        verbose_name_plural = _("results-sharing events")

    def clean(self):
        super().clean()
        if self.ends_at and self.starts_at and self.ends_at < self.starts_at:
            raise ValidationError({"ends_at": _("The event cannot end before it starts.")})
        if (self.venue_lat is None) != (self.venue_lon is None):
            raise ValidationError(
                {"venue_lon": _("Enter both latitude and longitude, or neither.")}
            )

    @property
    def is_past(self):
        return self.starts_at < timezone.now()

    def showcased_projects(self):
        """Live showcased projects in the editor's order (one query)."""
        return [
            item.project
            for item in self.showcased.select_related("project", "project__team").order_by(
                "sort_order", "pk"
            )
            if item.project.live
        ]

    def statistics(self):
        return round_statistics(self.round) if self.round_id else None

    def live_vote(self):
        return LiveVote.objects.filter(event=self).first()

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(views.event_context(self, request))
        return context

    @path("projector/", name="projector")
    def projector(self, request):
        return views.projector(request, self)

    @path("vote/", name="live_vote")
    def live_vote_page(self, request):
        return views.vote_page(request, self)

    @path("vote/results/", name="live_vote_results")
    def live_vote_results(self, request):
        return views.vote_results_json(request, self)

    @path("vote/qr/", name="live_vote_qr")
    def live_vote_qr(self, request):
        return views.vote_qr_svg(request, self)

    @path("vote/manage/", name="live_vote_manage")
    def live_vote_manage(self, request):
        return views.vote_manage(request, self)

    def url_for(self, name):
        return self.url + self.reverse_subpage(name)


class EventScheduleItem(Orderable):
    """One line of the event programme."""

    page = ParentalKey(ResultsEventPage, on_delete=models.CASCADE, related_name="schedule_items")
    time = models.TimeField(_("time"))
    title = models.CharField(_("what"), max_length=120)
    description = models.CharField(_("details"), max_length=300, blank=True)

    panels = [FieldRowPanel([FieldPanel("time"), FieldPanel("title")]), FieldPanel("description")]

    class Meta(Orderable.Meta):
        verbose_name = _("schedule item")


class ShowcasedProject(Orderable):
    """A project presented at the event (and a candidate in the live audience vote)."""

    page = ParentalKey(ResultsEventPage, on_delete=models.CASCADE, related_name="showcased")
    project = models.ForeignKey(
        "cms.ProjectPage", verbose_name=_("project"), on_delete=models.CASCADE, related_name="+"
    )

    panels = [PageChooserPanel("project", "cms.ProjectPage")]

    class Meta(Orderable.Meta):
        verbose_name = _("showcased project")


class EventAward(Orderable):
    """An award given at the event: its name and the project that won it."""

    page = ParentalKey(ResultsEventPage, on_delete=models.CASCADE, related_name="awards")
    name = models.CharField(_("award"), max_length=80)
    project = models.ForeignKey(
        "cms.ProjectPage", verbose_name=_("project"), on_delete=models.CASCADE, related_name="+"
    )
    citation = models.CharField(_("why"), max_length=300, blank=True)

    panels = [
        FieldPanel("name"),
        PageChooserPanel("project", "cms.ProjectPage"),
        FieldPanel("citation"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("award")

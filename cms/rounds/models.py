"""SOS Lab rounds: the index of rounds and one page per round (season).

A round's ideas, votes and results are citizen content (soslab.ideas); the RoundPage serves them
under its own URL with RoutablePageMixin so the public URLs stay /rounds/<slug>/ideas/... ; the
routes' views are cms/rounds/views.py (ideas) and cms/rounds/voting.py (votes, results).
"""

import datetime as dt

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Orderable, Page

from cms.editorial.home import BilingualMixin
from soslab.ideas.phases import PHASE_ACTIONS, PHASE_FIELDS, Phase, phase_spans

from . import views, voting


class RoundIndexPage(BilingualMixin, Page):
    """/rounds/: lists every SOS Lab round, the current one first. Editors write the introduction."""

    intro = models.TextField(
        _("introduction"), blank=True, help_text=_("Plain text; blank lines start new paragraphs.")
    )
    intro_en = models.TextField(_("introduction (English)"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("intro_en")]

    max_count = 1
    parent_page_types = ["cms.HomePage"]
    subpage_types = ["cms.RoundPage"]

    class Meta:
        verbose_name = _("round index page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        rounds = list(RoundPage.objects.child_of(self).live().order_by("-voting_start"))
        context["current_rounds"] = [r for r in rounds if r.is_running]
        context["past_rounds"] = [r for r in rounds if r.current_phase == Phase.RESULTS]
        context["upcoming_rounds"] = [r for r in rounds if r.current_phase == Phase.UPCOMING]
        context["groups"] = [
            (_("In progress"), context["current_rounds"]),
            (_("Coming up"), context["upcoming_rounds"]),
            (_("Finished rounds"), context["past_rounds"]),
        ]
        return context


class VoterEligibility(models.TextChoices):
    VERIFIED = "verified", _("Every member with a verified email address")
    RESIDENTS = "residents", _("Only members staff confirmed as Jeonju residents")


class RoundPage(RoutablePageMixin, BilingualMixin, Page):
    """One SOS Lab round (a season): its problems, ideas, the vote and the results.

    Editors set the dates of the six phases; the current phase follows from them (Seoul time), so
    moving a round on means editing its dates. Ideas and votes are managed under Ideas in the admin.
    """

    intro = models.TextField(
        _("introduction"), blank=True, help_text=_("Plain text; blank lines start new paragraphs.")
    )
    intro_en = models.TextField(_("introduction (English)"), blank=True)
    cover_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("cover image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    focus_categories = ParentalManyToManyField(
        "problems.Category",
        verbose_name=_("focus categories"),
        blank=True,
        related_name="+",
        help_text=_("The problem categories this round concentrates on."),
    )

    problems_start = models.DateField(_("problem collection starts"), db_index=True)
    ideas_start = models.DateField(_("idea collection starts"))
    voting_start = models.DateField(_("voting starts"), db_index=True)
    teams_start = models.DateField(
        _("team building starts (voting closes)"),
        help_text=_("Voting closes at 00:00 (Seoul) on this day and the results become public."),
    )
    making_start = models.DateField(_("making starts"))
    results_start = models.DateField(_("results sharing starts"))

    vote_budget = models.PositiveSmallIntegerField(
        _("votes per person"),
        default=3,
        help_text=_("How many ideas each person may vote for. 0 means no limit."),
    )
    show_live_counts = models.BooleanField(
        _("show vote counts during voting"),
        default=False,
        help_text=_(
            "Off: counts stay hidden until voting closes, so early results do not sway voters."
        ),
    )
    voter_eligibility = models.CharField(
        _("who may vote"),
        max_length=10,
        choices=VoterEligibility.choices,
        default=VoterEligibility.VERIFIED,
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        FieldPanel("intro_en"),
        FieldPanel("cover_image"),
        FieldPanel("focus_categories", widget=forms.CheckboxSelectMultiple),
        InlinePanel("featured_problems", heading=_("Featured problems"), label=_("problem")),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("problems_start"), FieldPanel("ideas_start")]),
                FieldRowPanel([FieldPanel("voting_start"), FieldPanel("teams_start")]),
                FieldRowPanel([FieldPanel("making_start"), FieldPanel("results_start")]),
            ],
            heading=_("Phase dates (Seoul time)"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("vote_budget"),
                FieldPanel("show_live_counts"),
                FieldPanel("voter_eligibility"),
            ],
            heading=_("Voting rules"),
        ),
    ]

    parent_page_types = ["cms.RoundIndexPage"]
    subpage_types: list = []

    class Meta:
        verbose_name = _("lab round")
        verbose_name_plural = _("lab rounds")

    # --- Phases ------------------------------------------------------------------------------

    def clean(self):
        super().clean()
        previous = None
        for _phase, field in PHASE_FIELDS:
            value = getattr(self, field)
            if previous and value and previous[1] and value < previous[1]:
                raise ValidationError(
                    {field: _("This date must not be before the previous phase's start date.")}
                )
            previous = (field, value)

    @property
    def phase_dates(self):
        return {field: getattr(self, field) for _phase, field in PHASE_FIELDS}

    def spans(self, now=None):
        return phase_spans(self.phase_dates, now)

    @cached_property
    def timeline(self):
        """The phases with their dates and state, computed once per request."""
        return self.spans()

    @cached_property
    def current_phase(self):
        for span in self.timeline:
            if span.state == "current":
                return span.phase
        return Phase.UPCOMING

    def phase_at(self, now):
        for span in self.spans(now):
            if span.state == "current":
                return span.phase
        return Phase.UPCOMING

    @property
    def current_phase_label(self):
        return Phase(self.current_phase).label

    @property
    def what_you_can_do(self):
        return PHASE_ACTIONS[Phase(self.current_phase)]

    @property
    def next_span(self):
        """The next phase to begin, for the countdown; None once the last phase has begun."""
        for span in self.timeline:
            if span.state == "future":
                return span
        return None

    @property
    def is_running(self):
        return self.current_phase not in (Phase.UPCOMING, Phase.RESULTS)

    def span_for(self, phase):
        return next(span for span in self.timeline if span.phase == phase)

    @property
    def voting_span(self):
        return self.span_for(Phase.VOTING)

    @property
    def voting_opens_at(self):
        return self.voting_span.starts_at

    @property
    def voting_closes_at(self):
        return self.voting_span.ends_at

    def voting_is_open(self, now=None):
        now = now or timezone.now()
        return self.voting_opens_at <= now < self.voting_closes_at

    def voting_has_closed(self, now=None):
        return (now or timezone.now()) >= self.voting_closes_at

    @property
    def ideas_open(self):
        return self.current_phase == Phase.IDEAS

    @property
    def results_public(self):
        """Results are public the moment voting closes."""
        return self.voting_has_closed()

    @property
    def unlimited_votes(self):
        return self.vote_budget == 0

    def countdown_seconds(self, now=None):
        span = self.next_span
        if span is None:
            return None
        return max(0, int((span.starts_at - (now or timezone.now())) / dt.timedelta(seconds=1)))

    # --- Routes (views in cms/rounds/views.py and voting.py) ---------------------------------

    @path("")
    def round_home(self, request):
        return views.round_home(request, self)

    @path("ideas/", name="ideas")
    def ideas_list(self, request):
        return views.idea_list(request, self)

    @path("ideas/new/", name="idea_new")
    def idea_new(self, request):
        return views.idea_create(request, self)

    @path("ideas/<int:idea_id>/", name="idea_detail")
    def idea_detail(self, request, idea_id):
        return views.idea_detail(request, self, idea_id)

    @path("ideas/<int:idea_id>/vote/", name="idea_vote")
    def idea_vote(self, request, idea_id):
        return voting.idea_vote(request, self, idea_id)

    @path("ideas/<int:idea_id>/withdraw-vote/", name="idea_vote_withdraw")
    def idea_vote_withdraw(self, request, idea_id):
        return voting.idea_vote_withdraw(request, self, idea_id)

    @path("ideas/<int:idea_id>/withdraw/", name="idea_withdraw")
    def idea_withdraw(self, request, idea_id):
        return views.idea_withdraw(request, self, idea_id)

    @path("results/", name="results")
    def results(self, request):
        return voting.round_results(request, self)

    @path("results/csv/", name="results_csv")
    def results_csv(self, request):
        return voting.round_results_csv(request, self)

    def url_for(self, name, **kwargs):
        return self.url + self.reverse_subpage(name, kwargs=kwargs or None)


class RoundFeaturedProblem(Orderable):
    """A problem the round's editors put forward (shown on the round page)."""

    page = ParentalKey(RoundPage, on_delete=models.CASCADE, related_name="featured_problems")
    problem = models.ForeignKey(
        "problems.Problem", verbose_name=_("problem"), on_delete=models.CASCADE, related_name="+"
    )

    panels = [FieldPanel("problem")]

    class Meta(Orderable.Meta):
        verbose_name = _("featured problem")

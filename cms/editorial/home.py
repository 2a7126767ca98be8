"""The home page, its sections hook and the bilingual-field mixin of the editorial pages."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.models import Page

from soslab.core.text import localized


class BilingualMixin:
    """Pick the English variant of a field when the visitor reads in English and one exists."""

    def localized(self, field):
        return localized(self, field)


class HomePage(BilingualMixin, Page):
    """The front page. Editors set the hero and the introduction; the sections below it (latest
    problems, current round, featured projects, map) fill themselves from the platform's data."""

    hero_title = models.CharField(
        _("hero title"), max_length=120, default="우리 동네 문제, 함께 풀어요"
    )
    hero_title_en = models.CharField(_("hero title (English)"), max_length=120, blank=True)
    hero_intro = models.TextField(_("hero introduction"), blank=True)
    hero_intro_en = models.TextField(_("hero introduction (English)"), blank=True)
    intro = models.TextField(
        _("introduction"), blank=True, help_text=_("Plain text; blank lines start new paragraphs.")
    )
    intro_en = models.TextField(_("introduction (English)"), blank=True)

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [
                FieldPanel("hero_title"),
                FieldPanel("hero_intro"),
                FieldPanel("hero_title_en"),
                FieldPanel("hero_intro_en"),
            ],
            heading=_("Hero"),
        ),
        FieldPanel("intro"),
        FieldPanel("intro_en"),
    ]

    max_count = 1
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "cms.RoundIndexPage",
        "cms.ProjectIndexPage",
        "cms.ResultsIndexPage",
        "cms.LegalPage",
    ]

    class Meta:
        verbose_name = _("home page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["sections"] = home_sections(request)
        return context


def home_sections(request):
    """Sections contributed by the apps (latest problems, current round, ...).

    Each app that has something for the front page registers a callable with the
    `soslab_home_sections` Wagtail hook; it returns a dict with a template and its context, or None.
    """
    sections = []
    for fn in hooks.get_hooks("soslab_home_sections"):
        section = fn(request)
        if section:
            sections.append(section)
    return sorted(sections, key=lambda section: section.get("order", 100))

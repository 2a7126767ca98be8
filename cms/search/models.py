"""The Wagtail pages' row in the search index: one `PageSearchEntry` per live round, project or
results-sharing event page, holding the page's live text (never a draft's) and its analysed
`search_text` (soslab.core.search.index_text). Who may see a page is decided when searching
(`PageSearchEntryQuerySet.public`: live and no view restriction on it or an ancestor), so a
restriction added later or a page unpublished by any path never leaks through an old entry."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page


class PageKind(models.TextChoices):
    ROUND = "round", _("Round")
    PROJECT = "project", _("Project")
    RESULTS = "results", _("Results-sharing event")


class PageSearchEntryQuerySet(models.QuerySet):
    def public(self):
        """Entries of pages anyone may read now: live and without a view restriction (Wagtail's
        `live().public()`, the rule every page list of the site uses)."""
        return self.filter(page__in=Page.objects.live().public().values("pk"))


class PageSearchEntry(models.Model):
    """What search knows of one page; written only by cms.search.services."""

    page = models.OneToOneField(
        Page, verbose_name=_("page"), on_delete=models.CASCADE, related_name="search_entry"
    )
    kind = models.CharField(_("kind"), max_length=10, choices=PageKind.choices)
    title = models.CharField(_("title"), max_length=255)
    text = models.TextField(_("text"), blank=True, help_text=_("The live page's plain text."))
    search_text = models.TextField(editable=False, blank=True, default="")
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    objects = PageSearchEntryQuerySet.as_manager()

    class Meta:
        verbose_name = _("page search entry")
        verbose_name_plural = _("page search entries")
        indexes = [models.Index(fields=["kind"], name="page_search_kind")]

    def __str__(self):
        return self.title

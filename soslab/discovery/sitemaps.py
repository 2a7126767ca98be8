"""sitemap.xml sections: Wagtail pages, public Django views (problem list, dong map, statistics),
project pages, public problems and the ideas of live,
public rounds. Each section is one paginated queryset (Django's sitemaps framework, `limit` URLs a
file, 50,000 by default), so a sitemap file costs the same few queries whatever its size; the
index (views.sitemap_index) lists one file per page of each section.

Absolute URLs use settings.SITE_URL, not the request's host."""

from django.contrib.sitemaps import Sitemap
from django.db.models import Max, Q
from django.urls import reverse
from wagtail.models import Page, Site

from soslab.discovery.site import PROJECT_PAGE, page_type, scheme_and_domain
from soslab.ideas.models import Idea
from soslab.problems.models import Problem


class SiteSitemap(Sitemap):
    """A section whose URLs start with SITE_URL and whose newest change is one aggregate query."""

    lastmod_field = "updated_at"

    def get_protocol(self, protocol=None):
        return scheme_and_domain()[0]

    def get_domain(self, site=None):
        return scheme_and_domain()[1]

    def lastmod(self, item):
        return getattr(item, self.lastmod_field)

    def get_latest_lastmod(self):
        return self.items().aggregate(latest=Max(self.lastmod_field))["latest"]


def public_pages():
    """Live pages anyone may open (no view restriction above them) inside a site's tree."""
    roots = Q()
    for path in Site.objects.values_list("root_page__path", flat=True):
        roots |= Q(path__startswith=path)
    if not roots:
        return Page.objects.none()
    return Page.objects.live().public().filter(roots)


class PageSitemap(SiteSitemap):
    lastmod_field = "last_published_at"

    def items(self):
        return (
            public_pages()
            .exclude(content_type=page_type(PROJECT_PAGE))
            .only("id", "url_path", "last_published_at")
            .order_by("path")
        )

    def location(self, item):
        parts = item.get_url_parts()
        return parts[2] if parts else item.url_path


class ProjectSitemap(PageSitemap):
    def items(self):
        return (
            public_pages()
            .filter(content_type=page_type(PROJECT_PAGE))
            .only("id", "url_path", "last_published_at")
            .order_by("path")
        )


class ProblemSitemap(SiteSitemap):
    def items(self):
        return Problem.objects.public().only("id", "updated_at").order_by("pk")

    def location(self, item):
        return item.get_absolute_url()


class IdeaSitemap(SiteSitemap):
    def items(self):
        return (
            Idea.objects.public()
            .filter(round__in=public_pages().values("pk"))
            .select_related("round")
            .only("id", "updated_at", "round")
            .order_by("pk")
        )

    def location(self, item):
        return item.get_absolute_url()


class ViewSitemap(SiteSitemap):
    """Public pages that are Django views, not Wagtail pages, by URL name."""

    def items(self):
        return STATIC_VIEWS

    def location(self, item):
        return reverse(item)

    def lastmod(self, item):
        return None

    def get_latest_lastmod(self):
        return None


#: URL names of public Django views worth listing (they change with the data, so no lastmod).
STATIC_VIEWS = ["problems:list", "maps:dongs", "statistics:index"]


SITEMAPS = {
    "pages": PageSitemap,
    "views": ViewSitemap,
    "projects": ProjectSitemap,
    "problems": ProblemSitemap,
    "ideas": IdeaSitemap,
}

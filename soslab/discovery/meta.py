"""What a page tells link previews and search engines: its canonical URL and its OpenGraph and
Twitter card tags, as one small ShareMeta object rendered by templates/discovery/share_meta.html.

Canonical URLs are absolute (settings.SITE_URL) and keep only the query parameters that change
what a page *is*: `page` (a later page of a list is different content). Tracking parameters
(utm_*, fbclid, ...), sorting and filters are dropped, so every variant of a list points search
engines at the list itself.

A view may put its own `share_meta` in the template context; a detail template passes its object
to `{% share_meta obj %}`; otherwise the tags describe the Wagtail page being served or the site.
"""

from dataclasses import dataclass
from urllib.parse import urlencode

from django.conf import settings
from django.templatetags.static import static
from django.urls import reverse
from django.utils.html import strip_tags
from django.utils.text import Truncator
from django.utils.translation import get_language, gettext

from soslab.discovery.site import absolute

#: Query parameters a canonical URL keeps (see the module docstring).
CANONICAL_PARAMS = ("page",)
DESCRIPTION_CHARS = 150
OG_LOCALES = {"ko": "ko_KR", "en": "en_US"}


@dataclass(frozen=True)
class ShareMeta:
    title: str
    description: str
    url: str
    image: str
    image_alt: str = ""
    type: str = "website"

    @property
    def site_name(self):
        return settings.WAGTAIL_SITE_NAME

    @property
    def locale(self):
        return OG_LOCALES.get((get_language() or "ko")[:2], "ko_KR")

    @property
    def alternate_locales(self):
        return [value for value in OG_LOCALES.values() if value != self.locale]


def canonical_url(request):
    params = [(key, request.GET[key]) for key in CANONICAL_PARAMS if request.GET.get(key)]
    params = [(key, value) for key, value in params if not (key == "page" and value == "1")]
    query = f"?{urlencode(params)}" if params else ""
    return absolute(request.path) + query


def _describe(text):
    return Truncator(" ".join(strip_tags(str(text or "")).split())).chars(DESCRIPTION_CHARS)


def default_image():
    return absolute(static("img/share-default.png"))


def site_description():
    return gettext(
        "Jeonju residents, companies and youth maker teams solving local problems together."
    )


def site_meta(request):
    return ShareMeta(
        title=settings.WAGTAIL_SITE_NAME,
        description=site_description(),
        url=canonical_url(request),
        image=default_image(),
    )


def problem_meta(request, problem):
    """Title, description, category and dong only: never the author or the place text."""
    return ShareMeta(
        title=problem.title,
        description=_describe(problem.description),
        url=canonical_url(request),
        image=absolute(reverse("discovery:share_image", args=["problem", problem.pk])),
        image_alt=f"{problem.title} · {problem.category.localized_name}",
        type="article",
    )


def project_meta(request, page):
    return ShareMeta(
        title=page.seo_title or page.title,
        description=_describe(page.search_description or page.summary),
        url=canonical_url(request),
        image=absolute(reverse("discovery:share_image", args=["project", page.pk])),
        image_alt=page.title,
        type="article",
    )


def page_meta(request, page):
    """Any other Wagtail page: its promote-tab title and search description."""
    description = page.search_description or getattr(page, "intro", "") or site_description()
    return ShareMeta(
        title=page.seo_title or page.title,
        description=_describe(description),
        url=canonical_url(request),
        image=default_image(),
    )


def idea_meta(request, idea):
    return ShareMeta(
        title=idea.title,
        description=_describe(idea.summary),
        url=canonical_url(request),
        image=default_image(),
        type="article",
    )


BUILDERS = {
    "problems.Problem": problem_meta,
    "ideas.Idea": idea_meta,
    "cms.ProjectPage": project_meta,
}


def meta_for(request, obj=None):
    """The ShareMeta of a problem, an idea or a Wagtail page, or of the site for None."""
    if obj is None or getattr(obj, "is_public", True) is False:
        return site_meta(request)
    builder = BUILDERS.get(obj._meta.label)
    if builder is not None:
        return builder(request, obj)
    return page_meta(request, obj)

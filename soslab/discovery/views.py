"""sitemap.xml, robots.txt, the web manifest, /favicon.ico and the share images."""

import json

from django.conf import settings
from django.contrib.sitemaps import views as sitemap_views
from django.contrib.sitemaps.views import SitemapIndexItem
from django.contrib.staticfiles import finders
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.templatetags.static import static
from django.urls import reverse
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.http import http_date
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET
from wagtail.models import Page

from soslab.discovery import share_images
from soslab.discovery.site import PROJECT_PAGE, absolute, page_type
from soslab.discovery.sitemaps import SITEMAPS
from soslab.problems.models import Problem

#: Paths search engines are asked not to crawl: sign-in, personal and staff areas, private files,
#: write-only endpoints and machine feeds (tests/security/routes.py lists them all).
DISALLOWED = (
    "/admin/",
    "/accounts/",
    "/me/",
    "/files/",
    "/moderation/",
    "/notifications/",
    "/comments/",
    "/i18n/",
    "/jsi18n/",
    "/metrics",
    "/healthz",
    "/problems/new/",
    "/problems/similar.json",
    "/teams/join/",
    "/teams/guardian/",
    "/*/ideas/new/",
    "/*/vote/",
    "/*/edit/",
    "/*/withdraw/",
    "/*/withdraw-vote/",
)
SHARE_MAX_AGE = 60 * 60 * 24
#: --c-primary in static/css/site.css.
THEME_COLOUR = "#0b5cad"
ICON_SIZES = (192, 512)


@require_GET
def sitemap_index(request):
    """One <sitemap> per page of each section, all on SITE_URL (Django's own index view would
    use the request's host)."""
    entries, latest = [], None
    for section, sitemap_class in SITEMAPS.items():
        sitemap = sitemap_class()
        url = absolute(reverse("discovery:sitemap", kwargs={"section": section}))
        lastmod = sitemap.get_latest_lastmod()
        latest = max(filter(None, [latest, lastmod]), default=None)
        pages = sitemap.paginator.num_pages
        entries += [
            SitemapIndexItem(url if n == 1 else f"{url}?p={n}", lastmod)
            for n in range(1, max(pages, 1) + 1)
        ]
    response = render(
        request, "sitemap_index.xml", {"sitemaps": entries}, content_type="application/xml"
    )
    if latest:
        response["Last-Modified"] = http_date(latest.timestamp())
    return response


@require_GET
def sitemap(request, section):
    return sitemap_views.sitemap(request, sitemaps=SITEMAPS, section=section)


@require_GET
@cache_control(public=True, max_age=SHARE_MAX_AGE)
def robots(request):
    lines = ["User-agent: *", *(f"Disallow: {path}" for path in DISALLOWED), ""]
    lines.append(f"Sitemap: {absolute(reverse('discovery:sitemap_index'))}")
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


@require_GET
@cache_control(public=True, max_age=SHARE_MAX_AGE)
def manifest(request):
    """The web app manifest: Korean name, the site's primary colour, icons in static/img/."""
    icons = [
        {"src": static(f"img/icon-{size}.png"), "sizes": f"{size}x{size}", "type": "image/png"}
        for size in ICON_SIZES
    ]
    maskable = static("img/icon-maskable-512.png")
    icons.append({"src": maskable, "sizes": "512x512", "type": "image/png", "purpose": "maskable"})
    data = {
        "name": settings.WAGTAIL_SITE_NAME,
        "short_name": "SOS랩",
        "description": "전주 시민과 기업, 청소년 메이커 팀이 함께 지역 문제를 해결합니다.",
        "lang": "ko",
        "start_url": "/",
        "scope": "/",
        "display": "standalone",
        "background_color": "#ffffff",
        "theme_color": THEME_COLOUR,
        "icons": icons,
    }
    return HttpResponse(
        json.dumps(data, ensure_ascii=False, indent=2),
        content_type="application/manifest+json; charset=utf-8",
    )


@require_GET
@cache_control(public=True, max_age=SHARE_MAX_AGE)
def favicon(request):
    path = finders.find("img/favicon.ico")
    if path is None:
        raise Http404
    with open(path, "rb") as fh:
        return HttpResponse(fh.read(), content_type="image/x-icon")


def _card(kind, pk):
    """The card of a public problem or a live, public project page; 404 for anything else."""
    if kind == "problem":
        problem = Problem.objects.public().select_related("category", "dong").filter(pk=pk).first()
        if problem is not None:
            return share_images.problem_card(problem)
    elif kind == "project":
        page = (
            Page.objects.live()
            .public()
            .filter(pk=pk, content_type=page_type(PROJECT_PAGE))
            .specific()
            .first()
        )
        if page is not None:
            return share_images.project_card(page)
    raise Http404


@require_GET
def share_image(request, kind, pk):
    card = _card(kind, pk)
    etag = f'"{card.key}-{card.version}"'
    response = get_conditional_response(request, etag=etag)
    if response is None:
        data = share_images.card_file(card).read_bytes()
        response = HttpResponse(data, content_type="image/png")
    response["ETag"] = etag
    patch_cache_control(response, public=True, max_age=SHARE_MAX_AGE)
    return response

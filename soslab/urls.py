from allauth.account import views as allauth_views
from django.conf import settings
from django.urls import include, path
from django.views.i18n import JavaScriptCatalog
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from soslab.accounts import views as accounts_views
from soslab.core import observability
from soslab.core import views as core_views
from soslab.core.ratelimit import ratelimit

urlpatterns = [
    # sitemap.xml, robots.txt, manifest, favicon.ico, share images (soslab.discovery).
    path("", include("soslab.discovery.urls")),
    path("healthz", core_views.healthz, name="healthz"),
    path("metrics", observability.metrics, name="metrics"),
    # Non-public uploads, permission-checked (soslab.core.media); public ones are /media/public/.
    path(
        "files/<slug:kind>/<int:pk>/<slug:field>/",
        core_views.protected_media,
        name="protected_media",
    ),
    # Django's set_language; a signed-in person's choice also sets their notification language.
    path("i18n/setlang/", accounts_views.language_set, name="set_language"),
    path("jsi18n/", JavaScriptCatalog.as_view(), name="javascript-catalog"),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("accounts/", include("soslab.accounts.urls")),
    # Sign-up goes through the platform's one rate limiter (scope "signup") like every other write.
    path("accounts/signup/", ratelimit("signup")(allauth_views.signup), name="account_signup"),
    path("accounts/", include("allauth.urls")),
    path("problems/", include("soslab.problems.urls")),
    path("comments/", include("soslab.comments.urls")),
    path("notifications/", include("soslab.notifications.urls")),
    path("moderation/", include("soslab.moderation.urls")),
    path("ideas/", include("soslab.ideas.urls")),
    path("teams/", include("soslab.teams.urls")),
    path("teams/", include("cms.projects.urls")),  # a team leader starts the project page
    path("", include("soslab.people.urls")),
    path("", include("soslab.maps.urls")),
    path("", include("soslab.open311.urls")),
    path("", include("soslab.opendata.urls")),
    path("", include("geo.urls")),
    path("", include("cms.statistics.urls")),  # /statistics/ (reads round and project pages)
    path("", include("cms.search.urls")),  # /search/ and /opensearch.xml (problems, ideas, pages)
]

if settings.DEBUG:
    from django.urls import re_path

    # Development only (production: the web server, see docs/operations.md): public uploads and
    # Wagtail's images; never MEDIA_ROOT/private, which only the protected view reads.
    urlpatterns += [re_path(r"^media/(?P<path>.*)$", core_views.dev_media)]

# Wagtail's page tree serves everything else: home, /rounds/, /projects/, /results/ ...
urlpatterns += [path("", include(wagtail_urls))]

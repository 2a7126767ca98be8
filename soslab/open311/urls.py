"""Open311 GeoReport v2 under /open311/v2/ (docs/open311.md)."""

from django.urls import re_path

from . import views

app_name = "open311"

urlpatterns = [
    re_path(r"^open311/v2/discovery\.(?P<fmt>json|xml)$", views.discovery, name="discovery"),
    re_path(r"^open311/v2/services\.(?P<fmt>json|xml)$", views.services, name="services"),
    re_path(r"^open311/v2/requests\.(?P<fmt>json|xml)$", views.requests, name="requests"),
    re_path(
        r"^open311/v2/requests/(?P<pk>[0-9]+)\.(?P<fmt>json|xml)$",
        views.request_detail,
        name="request",
    ),
    re_path(
        r"^open311/v2/tokens/(?P<token>[^/]+)\.(?P<fmt>json|xml)$",
        views.token_detail,
        name="token",
    ),
    re_path(
        r"^open311/v2/servicerequestupdates\.(?P<fmt>json|xml)$",
        views.updates,
        name="updates",
    ),
    # Last: any other path under open311/v2/ answers the spec's 404 error list.
    re_path(r"^open311/v2/(?P<rest>.*)$", views.not_found, name="not_found"),
]

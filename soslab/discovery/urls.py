from django.urls import path, re_path

from soslab.discovery import views

app_name = "discovery"

urlpatterns = [
    path("sitemap.xml", views.sitemap_index, name="sitemap_index"),
    path("sitemap-<slug:section>.xml", views.sitemap, name="sitemap"),
    path("robots.txt", views.robots, name="robots"),
    path("manifest.webmanifest", views.manifest, name="manifest"),
    path("favicon.ico", views.favicon, name="favicon"),
    re_path(
        r"^share/(?P<kind>problem|project)/(?P<pk>[0-9]+)\.png$",
        views.share_image,
        name="share_image",
    ),
]

from django.urls import path, re_path

from . import api, open311, opendata, views

app_name = "geo"

urlpatterns = [
    path("map/", views.problems_map, name="map"),
    path("map/dongs/", views.dongs_map, name="dongs"),
    path("map/air/", views.air_page, name="air"),
    path("map/hotspots/<int:pk>/", views.hotspot_detail, name="hotspot"),
    path("map/hotspots/<int:pk>/merge/", views.hotspot_merge, name="hotspot_merge"),
    path("api/geo/problems.geojson", api.problems_geojson, name="api_problems"),
    path("api/geo/dongs.geojson", api.dongs_geojson, name="api_dongs"),
    path("api/geo/stations.geojson", api.stations_geojson, name="api_stations"),
    path("api/geo/hotspots.geojson", api.hotspots_geojson, name="api_hotspots"),
    path("api/geo/traffic.geojson", api.traffic_geojson, name="api_traffic"),
    path("open-data/", views.open_data, name="open_data"),
    path("open-data/problems.csv", opendata.problems_csv, name="open_data_csv"),
    path(
        "open-data/problems.geojson",
        opendata.problems_geojson_download,
        name="open_data_geojson",
    ),
    re_path(
        r"^open311/v2/discovery\.(?P<fmt>json|xml)$", open311.discovery, name="open311_discovery"
    ),
    re_path(r"^open311/v2/services\.(?P<fmt>json|xml)$", open311.services, name="open311_services"),
    re_path(r"^open311/v2/requests\.(?P<fmt>json|xml)$", open311.requests, name="open311_requests"),
    re_path(
        r"^open311/v2/requests/(?P<pk>[0-9]+)\.(?P<fmt>json|xml)$",
        open311.request_detail,
        name="open311_request",
    ),
    re_path(
        r"^open311/v2/tokens/(?P<token>[^/]+)\.(?P<fmt>json|xml)$",
        open311.token_detail,
        name="open311_token",
    ),
    re_path(
        r"^open311/v2/servicerequestupdates\.(?P<fmt>json|xml)$",
        open311.updates,
        name="open311_updates",
    ),
    # Last: any other path under open311/v2/ answers the spec's 404 error list.
    re_path(r"^open311/v2/(?P<rest>.*)$", open311.not_found, name="open311_not_found"),
]

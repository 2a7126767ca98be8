from django.urls import path

from . import api, opendata, views

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
]

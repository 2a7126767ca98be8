from django.urls import path

from . import api, views

app_name = "maps"

urlpatterns = [
    path("map/", views.problems_map, name="map"),
    path("map/dongs/", views.dongs_map, name="dongs"),
    path("map/hotspots/", views.hotspot_list, name="hotspots"),
    path("map/hotspots/<int:pk>/", views.hotspot_detail, name="hotspot"),
    path("map/hotspots/<int:pk>/merge/", views.hotspot_merge, name="hotspot_merge"),
    path("api/geo/problems.geojson", api.problems_geojson, name="api_problems"),
    path("api/geo/dongs.geojson", api.dongs_geojson, name="api_dongs"),
    path("api/geo/hotspots.geojson", api.hotspots_geojson, name="api_hotspots"),
]

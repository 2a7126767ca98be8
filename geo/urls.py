from django.urls import path

from . import api, views

app_name = "geo"

urlpatterns = [
    path("map/air/", views.air_page, name="air"),
    path("api/geo/stations.geojson", api.stations_geojson, name="api_stations"),
    path("api/geo/traffic.geojson", api.traffic_geojson, name="api_traffic"),
]

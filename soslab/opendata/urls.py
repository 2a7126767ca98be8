from django.urls import path

from . import views

app_name = "opendata"

urlpatterns = [
    path("open-data/", views.open_data, name="index"),
    path("open-data/problems.csv", views.problems_csv, name="csv"),
    path("open-data/problems.geojson", views.problems_geojson_download, name="geojson"),
]

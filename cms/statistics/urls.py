from django.urls import path

from . import views

app_name = "statistics"

urlpatterns = [
    path("statistics/", views.index, name="index"),
    path("statistics/<slug:table>.csv", views.table_csv, name="csv"),
]

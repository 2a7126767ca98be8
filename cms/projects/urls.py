"""The projects feature's one non-page URL, mounted under /teams/ next to the team pages."""

from django.urls import path

from . import views

app_name = "projects"

urlpatterns = [
    path("<str:slug>/project/", views.project_start, name="start"),
]

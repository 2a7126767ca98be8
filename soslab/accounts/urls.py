from django.urls import path

from . import views

app_name = "accounts"

urlpatterns = [
    path("profile/", views.profile, name="profile"),
    path("consent/", views.consent, name="consent"),
    path("delete/", views.account_delete_view, name="delete"),
    path("export/", views.export_request, name="export"),
    path("export/<str:token>/", views.export_download, name="export_download"),
]

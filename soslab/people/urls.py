from django.urls import path

from . import views

app_name = "people"

urlpatterns = [
    path("people/<int:pk>/", views.profile, name="profile"),
    path("me/", views.me, name="me"),
]

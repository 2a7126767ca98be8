from django.urls import path

from . import views
from .feeds import LatestProblemsFeed

app_name = "problems"

urlpatterns = [
    path("", views.problem_list, name="list"),
    path("new/", views.problem_create, name="create"),
    path("similar.json", views.problem_similar_json, name="similar"),
    path("feed/", LatestProblemsFeed(), name="feed"),
    path("<int:pk>/", views.problem_detail, name="detail"),
    path("<int:pk>/support/", views.problem_support, name="support"),
    path("<int:pk>/edit/", views.problem_edit, name="edit"),
    path("<int:pk>/status/", views.problem_status, name="status"),
    path("<int:pk>/answer/", views.problem_answer, name="answer"),
    path("<int:pk>/duplicate/", views.problem_duplicate, name="duplicate"),
    path("<int:pk>/still-there/", views.problem_still_there, name="still_there"),
]

from django.urls import path

from . import report_views, staff_views, views
from .feeds import LatestProblemsFeed

app_name = "problems"

urlpatterns = [
    path("", views.problem_list, name="list"),
    path("new/", report_views.problem_create, name="create"),
    path("similar.json", report_views.problem_similar_json, name="similar"),
    path("feed/", LatestProblemsFeed(), name="feed"),
    path("<int:pk>/", views.problem_detail, name="detail"),
    path("<int:pk>/support/", views.problem_support, name="support"),
    path("<int:pk>/edit/", views.problem_edit, name="edit"),
    path("<int:pk>/status/", staff_views.problem_status, name="status"),
    path("<int:pk>/answer/", staff_views.problem_answer, name="answer"),
    path("<int:pk>/duplicate/", staff_views.problem_duplicate, name="duplicate"),
    path("<int:pk>/still-there/", staff_views.problem_still_there, name="still_there"),
]

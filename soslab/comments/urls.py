from django.urls import path

from . import views

app_name = "comments"

urlpatterns = [
    path("post/", views.comment_post, name="post"),
    path("<int:pk>/edit/", views.comment_edit_view, name="edit"),
    path("<int:pk>/delete/", views.comment_delete_view, name="delete"),
]

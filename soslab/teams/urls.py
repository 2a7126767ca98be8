from django.urls import path

from . import views

app_name = "teams"

urlpatterns = [
    path("", views.team_list, name="list"),
    path("join/<str:token>/", views.invitation, name="invitation"),
    path("guardian/", views.guardian_ask, name="guardian_ask"),
    path("guardian/<str:token>/", views.guardian_answer_view, name="guardian_answer"),
    path("guardian/withdraw/<str:token>/", views.guardian_withdraw_view, name="guardian_withdraw"),
    path("<str:slug>/", views.team_detail, name="detail"),
    path("<str:slug>/join/", views.join_request, name="join"),
    path("<str:slug>/requests/<int:pk>/", views.join_request_answer, name="join_answer"),
    path("<str:slug>/invitations/", views.invitation_new, name="invitation_new"),
    path(
        "<str:slug>/invitations/<int:pk>/withdraw/",
        views.invitation_withdraw,
        name="invitation_withdraw",
    ),
]

"""Wagtail admin for teams: team and membership viewsets, and the guardian-consent view where
staff see who is still missing consent and record it."""

from django.contrib import messages
from django.shortcuts import redirect
from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel
from wagtail.admin.viewsets.model import ModelViewSet, ModelViewSetGroup

from soslab.accounts.permissions import posting_refusal
from soslab.accounts.rules import user_is_staff

from . import admin_views, dashboard
from .models import Membership, Team
from .rules import RECORD_CONSENT


class TeamViewSet(ModelViewSet):
    model = Team
    icon = "group"
    menu_label = _("Teams")
    add_to_admin_menu = False
    list_display = ["name", "slug", "round", "created_at"]
    search_fields = ["name", "slug", "description"]
    list_filter = ["round"]
    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("round"),
        FieldPanel("description"),
    ]


class MembershipViewSet(ModelViewSet):
    model = Membership
    icon = "user"
    menu_label = _("Memberships")
    add_to_admin_menu = False
    list_display = ["user", "team", "role", "company_name", "joined_at"]
    list_filter = ["role", "team"]
    search_fields = ["user__display_name", "user__email", "team__name", "company_name"]
    panels = [
        FieldPanel("team"),
        FieldPanel("user"),
        FieldPanel("role"),
        FieldPanel("company_name"),
    ]


class TeamsViewSetGroup(ModelViewSetGroup):
    menu_label = _("Maker teams")
    menu_icon = "group"
    menu_order = 220
    items = (TeamViewSet("maker_teams"), MembershipViewSet("maker_team_memberships"))


@hooks.register("register_admin_viewset")
def register_team_viewsets():
    return TeamsViewSetGroup()


@hooks.register("register_admin_urls")
def register_consent_urls():
    urls = [
        path("", admin_views.consent_missing, name="consent"),
        path("<int:user_id>/", admin_views.consent_record, name="consent_record"),
    ]
    return [path("guardian-consent/", include((urls, "teams_admin"), namespace="teams_admin"))]


class ConsentMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(RECORD_CONSENT)


@hooks.register("register_admin_menu_item")
def register_consent_menu_item():
    return ConsentMenuItem(
        _("Guardian consent"),
        reverse("teams_admin:consent"),
        name="guardian-consent",
        icon_name="lock",
        order=230,
    )


@hooks.register("before_edit_page")
def read_only_people_do_not_edit_pages(request, page):
    """Team members edit their project page in the Wagtail editor: a blocked or unverified member
    is read-only there too (the same posting check as every other write); staff are not held."""
    if user_is_staff(request.user):
        return None
    refusal = posting_refusal(request.user)
    if refusal is None:
        return None
    messages.error(request, refusal.message)
    return redirect("wagtailadmin_home")


@hooks.register("construct_homepage_panels")
def add_consent_panel(request, panels):
    if request.user.has_perm(RECORD_CONSENT):
        panels.append(dashboard.ConsentPendingPanel())

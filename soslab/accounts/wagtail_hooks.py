"""Wagtail admin for accounts: privacy policy versions (Snippets > Privacy policy versions: staff
add a version when a changed policy takes effect; everyone is then asked to accept it before
posting), and deleting an account on the person's request (a button on the user list)."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.widgets.button import Button
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from . import admin_views
from .models import PolicyVersion


class PolicyVersionViewSet(SnippetViewSet):
    model = PolicyVersion
    icon = "doc-full"
    list_display = ["version", "effective_at", "created_at"]
    form_fields = ["version", "effective_at", "changes"]


register_snippet(PolicyVersionViewSet)


@hooks.register("register_admin_urls")
def register_account_urls():
    urls = [path("<int:user_id>/", admin_views.account_delete_on_request, name="delete")]
    return [
        path("account-deletion/", include((urls, "accounts_admin"), namespace="accounts_admin"))
    ]


@hooks.register("register_user_listing_buttons")
def account_delete_button(user, request_user):
    if user.deleted_at or user.pk == request_user.pk:
        return []
    if not request_user.has_perm("accounts.delete_account"):
        return []
    return [
        Button(
            _("Delete on request (erase personal data)"),
            url=reverse("accounts_admin:delete", args=[user.pk]),
            priority=90,
        )
    ]

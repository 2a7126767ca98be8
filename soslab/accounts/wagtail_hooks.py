"""Wagtail admin: staff delete an account on the person's request (a button on the user list)."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.widgets.button import Button

from . import admin_views


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
    if not admin_views.can_delete_accounts(request_user):
        return []
    return [
        Button(
            _("Delete on request (erase personal data)"),
            url=reverse("accounts_admin:delete", args=[user.pk]),
            priority=90,
        )
    ]

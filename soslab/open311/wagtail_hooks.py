"""The Open311 API keys in the Wagtail admin: staff issue keys (shown once), edit their limits
and revoke them (docs/open311.md)."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.panels import FieldPanel
from wagtail.admin.ui.menus import MenuItem
from wagtail.admin.views.generic.models import CreateView, IndexView
from wagtail.admin.viewsets.model import ModelViewSet

from .keys import key_issue, key_revoke
from .models import Open311Key


class Open311KeyCreateView(CreateView):
    """Issue a key through soslab.open311.keys.key_issue and show it once (never stored)."""

    def form_valid(self, form):
        data = form.cleaned_data
        codes = [c.strip() for c in data["allowed_service_codes"].split(",") if c.strip()]
        key, token = key_issue(
            name=data["name"],
            contact=data["contact"],
            rate_limit=data["rate_limit"],
            service_codes=codes,
        )
        return TemplateResponse(
            self.request,
            "open311/admin/open311_key_issued.html",
            {"key": key, "token": token, "index_url": self.get_success_url()},
        )

    def get_success_url(self):
        return reverse("open311_keys:index")


class Open311KeyIndexView(IndexView):
    """The list, with a Revoke item for each active key."""

    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        if instance.revoked_at is None:
            url = reverse("open311_key_revoke", args=[instance.pk])
            buttons.append(MenuItem(_("Revoke"), url=url, icon_name="cross", priority=90))
        return buttons


def open311_key_revoke(request, pk):
    """Confirm (GET) and revoke (POST) a key through soslab.open311.keys.key_revoke."""
    if not request.user.has_perm("open311.change_open311key"):
        raise PermissionDenied
    key = get_object_or_404(Open311Key, pk=pk)
    if request.method == "POST":
        key_revoke(key=key)
        messages.success(request, _("The key %(name)s is revoked.") % {"name": key.name})
        return redirect("open311_keys:index")
    return TemplateResponse(
        request, "open311/admin/open311_key_revoke.html", {"key": key, "header_title": key.name}
    )


@hooks.register("register_admin_urls")
def register_open311_key_urls():
    return [path("open311-keys/<int:pk>/revoke/", open311_key_revoke, name="open311_key_revoke")]


class Open311KeyViewSet(ModelViewSet):
    """Staff issue keys here (the create view shows the key once) and edit their limits.
    Revoking: the list's Revoke item or `manage.py open311_key revoke NAME` (docs/open311.md)."""

    model = Open311Key
    icon = "key"
    menu_label = _("Open311 API keys")
    menu_order = 900
    add_to_admin_menu = True
    add_view_class = Open311KeyCreateView
    index_view_class = Open311KeyIndexView
    list_display = ["name", "prefix", "contact", "rate_limit", "created_at", "revoked_at"]
    search_fields = ["name", "contact"]
    inspect_view_enabled = False
    panels = [
        FieldPanel("name"),
        FieldPanel("contact"),
        FieldPanel("rate_limit"),
        FieldPanel("allowed_service_codes"),
    ]


@hooks.register("register_admin_viewset")
def register_open311_keys():
    return Open311KeyViewSet("open311_keys")

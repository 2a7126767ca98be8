"""Front-page section (a link to the map with each station's latest PM10 grade) and the Open311
API keys in the Wagtail admin."""

from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.panels import FieldPanel
from wagtail.admin.views.generic.models import CreateView
from wagtail.admin.viewsets.model import ModelViewSet

from .models import Open311Key


@hooks.register("soslab_home_sections")
def map_home_section(request):
    from .air import grade_for
    from .models import AirStation
    from .services import latest_readings

    latest = latest_readings()
    stations = []
    synthetic = False
    for station in AirStation.objects.all():
        reading = latest.get(station.pk)
        if reading:
            synthetic = synthetic or reading.is_synthetic
            stations.append({"name": station.name, "grade": grade_for("pm10", reading.pm10)})
    return {
        "template": "geo/home_section.html",
        "order": 40,
        "stations": stations,
        "synthetic": synthetic,
    }


# --- Open311 API keys ----------------------------------------------------------------------------


class Open311KeyCreateView(CreateView):
    """Issue a key through geo.open311_keys.key_issue and show it once (never stored)."""

    def form_valid(self, form):
        from .open311_keys import key_issue

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
            "geo/admin/open311_key_issued.html",
            {"key": key, "token": token, "index_url": self.get_success_url()},
        )

    def get_success_url(self):
        return reverse("open311_keys:index")


class Open311KeyViewSet(ModelViewSet):
    """Staff issue keys here (the create view shows the key once) and edit their limits.
    Revoking is `manage.py open311_key revoke NAME` (docs/open311.md)."""

    model = Open311Key
    icon = "key"
    menu_label = _("Open311 API keys")
    menu_order = 900
    add_to_admin_menu = True
    add_view_class = Open311KeyCreateView
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

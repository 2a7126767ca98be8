"""The air-quality page /map/air/: the 7 stations' latest PM10/PM2.5 with a map, and a 7-day
chart and table each (the text alternative of the map and charts on the same page)."""

from datetime import timedelta

from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from . import maps
from .air import GRADES, grade_for
from .charts import daily_summary, pm_chart
from .models import AirReading, AirStation
from .services import latest_readings


@require_GET
def air_page(request):
    """The 7 stations: latest PM10/PM2.5 with Korean grades, and a 7-day chart and table each."""
    stations = list(AirStation.objects.select_related("dong"))
    latest = latest_readings()
    end = timezone.now()
    start = end - timedelta(days=7)
    readings_by_station = {}
    for reading in AirReading.objects.filter(hour__gte=start, hour__lte=end).order_by("hour"):
        readings_by_station.setdefault(reading.station_id, []).append(reading)
    rows = []
    any_synthetic = False
    for station in stations:
        reading = latest.get(station.pk)
        week = readings_by_station.get(station.pk, [])
        synthetic = any(r.is_synthetic for r in week) or bool(reading and reading.is_synthetic)
        any_synthetic = any_synthetic or synthetic
        rows.append(
            {
                "station": station,
                "reading": reading,
                "pm10_grade": grade_for("pm10", reading.pm10) if reading else None,
                "pm25_grade": grade_for("pm25", reading.pm25) if reading else None,
                "synthetic": synthetic,
                "chart": pm_chart(
                    week,
                    title=_("PM10 and PM2.5 at %(station)s station, last 7 days")
                    % {"station": station.name},
                    description=_(
                        "Hourly PM10 (solid line) and PM2.5 (dashed line) in µg/m³ over the "
                        "PM10 grade bands. The table below gives daily averages and maxima."
                    ),
                    start=start,
                    end=end,
                )
                if week
                else None,
                "days": daily_summary(week),
            }
        )
    parts = maps.render_cached(
        f"air:{max((r.hour for r in latest.values()), default='none')}",
        lambda: maps.air_map(stations, latest),
    )
    context = {
        "rows": rows,
        "grades": GRADES.values(),
        "any_synthetic": any_synthetic,
        **maps.page_context(parts),
    }
    return render(request, "geo/air.html", context)

"""Front-page section: a link to the maps with each air-quality station's latest PM10 grade."""

from wagtail import hooks

from geo.air import grade_for
from geo.models import AirStation
from geo.services import latest_readings


@hooks.register("soslab_home_sections")
def map_home_section(request):
    latest = latest_readings()
    stations = []
    synthetic = False
    for station in AirStation.objects.all():
        reading = latest.get(station.pk)
        if reading:
            synthetic = synthetic or reading.is_synthetic
            stations.append({"name": station.name, "grade": grade_for("pm10", reading.pm10)})
    return {
        "template": "maps/home_section.html",
        "order": 40,
        "stations": stations,
        "synthetic": synthetic,
    }

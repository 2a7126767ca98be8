"""Front-page section: a link to the map with each station's latest PM10 grade."""

from wagtail import hooks


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

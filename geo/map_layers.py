"""The layers drawn on the folium maps (stations, traffic-safety places) and the escaped
text and popups they carry. The maps themselves are built in geo/maps.py."""

import folium
from django.utils.html import escape
from django.utils.translation import gettext as _

from soslab.core.dates import format_when

from .air import grade_for
from .models import TrafficKind
from .synthetic import SYNTHETIC_LABEL


def safe_text(text):
    """HTML-escape text for folium templates, which paste it into JavaScript template literals:
    backticks and "$" are escaped too, so imported names cannot end the literal or interpolate."""
    return str(escape(text)).replace("`", "&#96;").replace("$", "&#36;")


def popup_html(title, lines, link=None, link_text=None):
    """Small escaped popup markup (folium would otherwise wrap popups in an iframe)."""
    body = f"<strong>{safe_text(title)}</strong>"
    body += "".join(f"<br>{safe_text(line)}" for line in lines)
    if link:
        body += f'<br><a href="{safe_text(link)}">{safe_text(link_text or _("Details"))}</a>'
    return body


def add_station_layer(fmap, stations, latest, *, show=True):
    """Stations as circles coloured by their latest PM10 grade (grade name in the popup)."""
    group = folium.FeatureGroup(name=_("Air-quality stations"), show=show)
    for station in stations:
        reading = latest.get(station.pk)
        grade = grade_for("pm10", reading.pm10) if reading else None
        lines = []
        if reading:
            lines.append(
                _("PM10 %(value)s µg/m³ (%(grade)s)")
                % {"value": _fmt(reading.pm10), "grade": grade.label if grade else "-"}
            )
            pm25_grade = grade_for("pm25", reading.pm25)
            lines.append(
                _("PM2.5 %(value)s µg/m³ (%(grade)s)")
                % {"value": _fmt(reading.pm25), "grade": pm25_grade.label if pm25_grade else "-"}
            )
            lines.append(_local_hour(reading.hour))
            if reading.is_synthetic:
                lines.append(SYNTHETIC_LABEL)
        else:
            lines.append(_("No readings yet"))
        folium.CircleMarker(
            location=(station.lat, station.lon),
            radius=11,
            color="#0f172a",
            weight=2,
            fill=True,
            fill_color=grade.colour if grade else "#94a3b8",
            fill_opacity=0.9,
            tooltip=safe_text(_("%(name)s station") % {"name": station.name}),
            popup=folium.Popup(
                popup_html(
                    _("%(name)s station") % {"name": station.name},
                    lines,
                    link=f"/map/air/#station-{station.pk}",
                    link_text=_("7-day chart"),
                ),
                max_width=260,
            ),
        ).add_to(group)
    group.add_to(fmap)
    return group


def add_traffic_layers(fmap, spots, *, show=False):
    """Accident hotspots (100 m circles) and school zones (300 m circles)."""
    accidents = folium.FeatureGroup(name=_("Traffic: accident hotspots"), show=show)
    schools = folium.FeatureGroup(name=_("Traffic: school zones"), show=show)
    for spot in spots:
        is_accident = spot.kind == TrafficKind.ACCIDENT_HOTSPOT
        lines = []
        if is_accident:
            lines.append(
                _("%(accidents)s accidents, %(casualties)s casualties")
                % {"accidents": spot.accidents, "casualties": spot.casualties}
            )
        if spot.synthetic:
            lines.append(_("Synthetic demo data"))
        if spot.area and is_accident:
            folium.GeoJson(
                spot.area,
                style_function=lambda feature: {
                    "color": "#b91c1c",
                    "weight": 2,
                    "fillOpacity": 0.2,
                },
            ).add_to(accidents)
        folium.Circle(
            location=(spot.lat, spot.lon),
            radius=100 if is_accident else 300,
            color="#b91c1c" if is_accident else "#a16207",
            weight=2,
            dash_array=None if is_accident else "6 4",
            fill=True,
            fill_opacity=0.15,
            tooltip=safe_text(spot.name),
            popup=folium.Popup(popup_html(spot.name, lines), max_width=260),
        ).add_to(accidents if is_accident else schools)
    accidents.add_to(fmap)
    schools.add_to(fmap)
    return accidents, schools


def round_coords(value):
    """GeoJSON coordinates (any nesting) rounded to 5 decimals, about 1 m."""
    if isinstance(value, (list, tuple)) and value and isinstance(value[0], (int, float)):
        return [round(value[0], 5), round(value[1], 5)]
    return [round_coords(item) for item in value]


def _fmt(value):
    return "-" if value is None else f"{value:g}"


def _local_hour(hour):
    return format_when(hour)

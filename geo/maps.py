"""folium map builders. folium writes the Leaflet map (base layers, boundaries, stations, traffic,
hotspots, layer control); the browser adds problems from the GeoJSON API (static/js/map.js).

Rules kept here:
- Leaflet comes from static/vendor, never a CDN: folium's default_js/default_css are replaced and
  folium's own header (CDN links, a viewport meta that blocks zooming) is never emitted; pages
  include the vendored files themselves (templates/geo/_map.html).
- Tiles are optional (settings.GEO_TILE_URL); everything else draws without them.
- Layers are drawn by geo/map_layers.py, the dong choropleth by geo/choropleth.py.
- folium and geopandas stay out of the hot path: rendered parts are cached (render_cached) and
  keyed on the data they show.
- The inline script gets the CSP nonce at request time (templates add it to the <script> tag).
"""

import hashlib
import json
from functools import lru_cache

import folium
from django.conf import settings
from django.core.cache import cache
from django.db.models import Max
from django.templatetags.static import static
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from . import boundaries
from .map_layers import (
    add_station_layer,
    add_traffic_layers,
    round_coords,
    safe_text,
)
from .models import AirStation, TrafficSpot
from .services import latest_readings

JEONJU_CENTER = (35.8242, 127.1480)
JEONJU_BOUNDS = boundaries.JEONJU_BOUNDS
CACHE_SECONDS = 300

BOUNDARY_ATTRIBUTION = (
    '행정동 경계: 통계청 SGIS (공공누리 제1유형), 가공 <a href="https://github.com/vuski/admdongkor">'
    "vuski/admdongkor</a> (CC BY 4.0)"
)
STATION_ATTRIBUTION = "측정소: 에어코리아 (한국환경공단)"
TILE_ATTRIBUTION = '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a>'

VENDOR_JS = ("vendor/leaflet/leaflet.js", "vendor/leaflet.markercluster/leaflet.markercluster.js")
VENDOR_CSS = (
    "vendor/leaflet/leaflet.css",
    "vendor/leaflet.markercluster/MarkerCluster.css",
    "vendor/leaflet.markercluster/MarkerCluster.Default.css",
    "css/map.css",
)


def base_map(*, zoom=12, extra_attribution=()):
    """A folium Map over Jeonju with local Leaflet assets, optional tiles and attributions."""
    fmap = folium.Map(
        location=JEONJU_CENTER,
        zoom_start=zoom,
        tiles=None,
        max_bounds=True,
        control_scale=True,
        min_lat=JEONJU_BOUNDS[0][0] - 0.1,
        max_lat=JEONJU_BOUNDS[1][0] + 0.1,
        min_lon=JEONJU_BOUNDS[0][1] - 0.1,
        max_lon=JEONJU_BOUNDS[1][1] + 0.1,
    )
    # folium passes min/max zoom only to its default tiles; the map itself needs them (marker
    # clustering refuses a map without maxZoom when no tile layer sets one).
    fmap.options.update({"min_zoom": 10, "max_zoom": 19})
    fmap.default_js = [("leaflet", static(VENDOR_JS[0]))]
    fmap.default_css = [("leaflet_css", static(VENDOR_CSS[0]))]
    if settings.GEO_TILE_URL:
        folium.TileLayer(
            tiles=settings.GEO_TILE_URL,
            attr=TILE_ATTRIBUTION,
            name=_("Street map (needs internet)"),
            max_zoom=19,
        ).add_to(fmap)
    fmap.soslab_attributions = [BOUNDARY_ATTRIBUTION, *extra_attribution]
    return fmap


@lru_cache(maxsize=1)
def dong_geojson():
    """The 35 dongs as a GeoJSON dict (WGS84, simplified to ~5 m for drawing), once per process."""
    gdf = boundaries.dongs().copy()
    gdf["geometry"] = gdf.geometry.simplify(0.00005, preserve_topology=True)
    data = json.loads(gdf[["code", "name", "gu", "geometry"]].to_json(drop_id=True))
    for feature in data["features"]:
        feature["geometry"]["coordinates"] = round_coords(feature["geometry"]["coordinates"])
    return data


def add_dong_outlines(fmap, name=None, show=True):
    folium.GeoJson(
        dong_geojson(),
        name=name or _("Dong boundaries"),
        show=show,
        style_function=lambda feature: {
            "color": "#334155",
            "weight": 1,
            "fillOpacity": 0,
            "interactive": False,
        },
        tooltip=folium.GeoJsonTooltip(fields=["gu", "name"], labels=False),
    ).add_to(fmap)


def render_parts(fmap, *, dom_id, layers=None):
    """Render a folium map into the parts our templates embed: the map <div> HTML and the
    script (without <script> tags). The script also registers the map, its layer control and
    named layers in window.soslabMaps[dom_id] for static/js/map*.js."""
    fmap._id = dom_id.replace("-", "_")  # stable, readable JS variable names
    figure = fmap.get_root()
    figure.render()
    html = figure.html.render()
    script = figure.script.render()
    control = next(
        (child for child in fmap._children.values() if isinstance(child, folium.LayerControl)),
        None,
    )
    registry = {
        "map": fmap.get_name(),
        "control": control.get_name() if control else "null",
    }
    layer_entries = ", ".join(
        f"{json.dumps(key)}: {layer.get_name()}" for key, layer in (layers or {}).items()
    )
    attributions = "".join(
        f"{fmap.get_name()}.attributionControl.addAttribution({json.dumps(text)});"
        for text in getattr(fmap, "soslab_attributions", [])
    )
    script += (
        f"\n{attributions}\nwindow.soslabMaps = window.soslabMaps || {{}};"
        f"\nwindow.soslabMaps[{json.dumps(dom_id)}] = {{map: {registry['map']}, "
        f"control: {registry['control']}, layers: {{{layer_entries}}}}};\n"
    )
    # The map container is sized by static/css/map.css, not folium's inline header styles.
    html = html.replace('class="folium-map"', 'class="folium-map soslab-map"')
    return {"html": html, "script": script, "dom_id": dom_id}


def render_cached(key, builder, *, timeout=CACHE_SECONDS):
    """Cache rendered map parts per key and language (labels are translated)."""
    digest = hashlib.sha256(f"{key}:{get_language()}".encode()).hexdigest()[:32]
    full_key = f"geo:map:{digest}"
    parts = cache.get(full_key)
    if parts is None:
        parts = builder()
        cache.set(full_key, parts, timeout)
    return parts


def vendor_assets():
    return {
        "js": [static(path) for path in VENDOR_JS],
        "css": [static(path) for path in VENDOR_CSS],
    }


def page_context(parts):
    """The template context of a page showing one map (templates/geo/_map.html)."""
    return {"map_parts": parts, "map_assets": vendor_assets()}


# --- Page maps ------------------------------------------------------------------------------


def problems_map():
    """The /map/ base: dong outlines, stations, traffic, an empty hotspot layer and a layer
    control. Problems and hotspots are loaded by the browser (static/js/map.js). Cached; the key
    changes when stations' readings or traffic data change."""

    def version():
        latest_hour = AirStation.objects.order_by().aggregate(h=Max("readings__hour"))["h"]
        traffic = TrafficSpot.objects.count()
        return f"{latest_hour}:{traffic}"

    def build():
        fmap = base_map(extra_attribution=[STATION_ATTRIBUTION])
        add_dong_outlines(fmap)
        stations = add_station_layer(fmap, AirStation.objects.all(), latest_readings())
        accidents, schools = add_traffic_layers(fmap, TrafficSpot.objects.all())
        # Empty here: static/js/map.js fills it from /api/geo/hotspots.geojson, so the page
        # weighs the same whatever the number of hotspots (embedded, 21 of them made /map/
        # 135 KB at 100,000 problems).
        hotspots = folium.FeatureGroup(name=_("Hotspots (clusters of reports)")).add_to(fmap)
        folium.LayerControl(collapsed=False, position="topright").add_to(fmap)
        return render_parts(
            fmap,
            dom_id="problems-map",
            layers={
                "stations": stations,
                "accidents": accidents,
                "schools": schools,
                "hotspots": hotspots,
            },
        )

    return render_cached(f"problems:{version()}", build)


def air_map(stations, latest):
    fmap = base_map(zoom=12, extra_attribution=[STATION_ATTRIBUTION])
    add_dong_outlines(fmap)
    add_station_layer(fmap, stations, latest)
    return render_parts(fmap, dom_id="air-map")


def places_map(places, *, dom_id="places-map"):
    """A small map of editor-chosen places (the Wagtail MapBlock): [(lat, lon, label), ...]."""
    fmap = base_map(zoom=13)
    for lat, lon, label in places:
        folium.CircleMarker(
            location=(lat, lon),
            radius=9,
            color="#1d4ed8",
            fill=True,
            fill_opacity=0.85,
            tooltip=safe_text(label),
        ).add_to(fmap)
    if places:
        fmap.fit_bounds(
            [
                [min(p[0] for p in places) - 0.003, min(p[1] for p in places) - 0.003],
                [max(p[0] for p in places) + 0.003, max(p[1] for p in places) + 0.003],
            ]
        )
    return render_parts(fmap, dom_id=dom_id)

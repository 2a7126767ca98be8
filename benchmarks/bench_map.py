"""Map payload size and time with 100,000 problems (BENCH_SCALE=small: a few hundred), against a naive folium map that embeds one
marker per problem (what the issue forbids).

    .venv/bin/python -m benchmarks bench_map

Measured: the /map/ page (HTML bytes, time cold and warm), the GeoJSON API for the whole city
(server-side aggregation) and for a street-level view (points), and the naive folium map's HTML
size and render time for the same 100,000 problems.
"""

import statistics
import time

from benchmarks.data import PROBLEMS, ensure_problems, scaled

REPEAT = scaled(5, 2)
CITY_HALL = (127.1480, 35.8242)


def timed(fn, repeat=REPEAT):
    times, result = [], None
    for _ in range(repeat):
        started = time.perf_counter()
        result = fn()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times), result


def run(report):
    from django.core.cache import cache
    from django.test import Client

    total = ensure_problems()
    report("problems in the database", total, "rows")
    client = Client()

    def page():
        response = client.get("/map/")
        if response.status_code != 200:
            raise RuntimeError(f"/map/ answered {response.status_code}")
        return response

    cache.clear()
    started = time.perf_counter()
    page()
    report("/map/ page, cold (folium render)", (time.perf_counter() - started) * 1000, "ms")
    warm_ms, warm = timed(page)
    report("/map/ page, warm (cached map)", warm_ms, "ms")
    report("/map/ page HTML size", len(warm.content) / 1024, "KiB")

    def api(query):
        def call():
            response = client.get(f"/api/geo/problems.geojson?{query}")
            if response.status_code != 200:
                raise RuntimeError(f"API answered {response.status_code}: {response.content[:200]}")
            return response

        return call

    city_ms, city = timed(api("zoom=12"))
    data = city.json()
    report("API, whole city (aggregated)", city_ms, "ms", f"{len(data['features'])} features")
    report("API, whole city payload", len(city.content) / 1024, "KiB", f"mode={data['mode']}")

    lon, lat = CITY_HALL
    bbox = f"{lon - 0.004:.4f},{lat - 0.003:.4f},{lon + 0.004:.4f},{lat + 0.003:.4f}"
    street_ms, street = timed(api(f"bbox={bbox}&zoom=17"))
    data = street.json()
    report("API, street view (points)", street_ms, "ms", f"{len(data['features'])} features")
    report("API, street view payload", len(street.content) / 1024, "KiB", f"mode={data['mode']}")
    filtered_ms, filtered = timed(api(f"bbox={bbox}&zoom=17&category=traffic&status=open"))
    report(
        "API, street view + filters",
        filtered_ms,
        "ms",
        f"{len(filtered.json()['features'])} features",
    )

    naive_ms, naive_bytes = naive_folium()
    report("naive folium map, render", naive_ms, "ms", "one Marker per problem")
    report("naive folium map HTML size", naive_bytes / 1024, "KiB")
    report(
        "naive / our page+whole-city payload",
        naive_bytes / (len(warm.content) + len(city.content)),
        "x",
    )


def naive_folium():
    """What the issue forbids: folium with one clustered Marker (and popup) per placed problem."""
    import folium
    from folium.plugins import MarkerCluster

    from soslab.problems.models import Problem

    started = time.perf_counter()
    fmap = folium.Map(location=(CITY_HALL[1], CITY_HALL[0]), zoom_start=12, tiles=None)
    cluster = MarkerCluster().add_to(fmap)
    placed = Problem.objects.public().filter(lat__isnull=False, lon__isnull=False)
    for pk, lat, lon, title in placed.values_list("pk", "lat", "lon", "title")[:PROBLEMS]:
        folium.Marker((lat, lon), popup=folium.Popup(f"{title} #{pk}")).add_to(cluster)
    html = fmap.get_root().render()
    return (time.perf_counter() - started) * 1000, len(html.encode())

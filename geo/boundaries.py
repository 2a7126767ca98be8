"""Jeonju boundaries as GeoDataFrames, loaded once per process from fixtures/jeonju/.

Point-in-polygon and spatial joins happen here; nothing else reads the GeoJSON files. All inputs
and outputs are WGS84 longitude/latitude; metric work uses settings.GEO_METRIC_CRS (EPSG:5186).
"""

from functools import lru_cache

import numpy as np
import shapely
from django.conf import settings
from shapely import Point
from shapely.prepared import prep

WGS84 = "EPSG:4326"


def _geopandas():
    """geopandas (and pandas under it) is imported on first use, not at start-up: most processes
    (manage.py commands, the dev server's first second) never touch a boundary, and the import
    alone costs several seconds of CPU."""
    import geopandas

    return geopandas


def _read(name):
    return _geopandas().read_file(settings.GEO_DATA_DIR / name).to_crs(WGS84)


# The city's bounding box ((south, west), (north, east)) in WGS84: map extents and the bounds of
# every latitude/longitude parameter (soslab.core.params.query_float).
JEONJU_BOUNDS = ((35.7284, 126.9975), (35.9015, 127.2357))


@lru_cache(maxsize=1)
def dongs():
    """The 35 dongs: columns code, code_2024, kostat_code, name, gu, geometry (EPSG:4326)."""
    gdf = _read("jeonju_admdong.geojson")
    gdf = gdf.rename(
        columns={
            "adm_cd2": "code",
            "adm_cd2_2024": "code_2024",
            "adm_cd8": "kostat_code",
            "dong_nm": "name",
        }
    )
    gdf["gu"] = gdf["sggnm"].str.replace("전주시", "", regex=False)
    gdf = gdf[["code", "code_2024", "kostat_code", "name", "gu", "geometry"]].copy()
    gdf.sindex  # noqa: B018 - build the spatial index now, once
    shapely.prepare(gdf.geometry.values)  # and the polygons, for dong_codes_at
    return gdf


@lru_cache(maxsize=1)
def gus():
    gdf = _read("jeonju_gu.geojson")
    gdf["gu"] = gdf["sggnm"].str.replace("전주시", "", regex=False)
    return gdf


@lru_cache(maxsize=1)
def city():
    return _read("jeonju_city.geojson")


@lru_cache(maxsize=1)
def _prepared_city():
    return prep(city().geometry.iloc[0])


def in_city(lon, lat):
    """True if the WGS84 point lies inside (or on the edge of) Jeonju."""
    return _prepared_city().covers(Point(lon, lat))


def dong_code_at(lon, lat):
    """The MOIS code (2021) of the dong containing the point, or None outside Jeonju."""
    gdf = dongs()
    point = Point(lon, lat)
    matches = gdf.sindex.query(point, predicate="covered_by")
    # A point exactly on a shared edge is covered by two dongs; the lowest index wins, as in bulk.
    return gdf.iloc[int(min(matches))]["code"] if len(matches) else None


def dong_codes_at(lons, lats):
    """Vectorised dong lookup for any number of points. Returns a list (None outside Jeonju).

    Per dong: the points inside its bounding box (a numpy mask), then `shapely.intersects_xy`
    against the prepared polygon, straight on the coordinates (for a point, "intersects" is
    "covered by": edges included). No point objects, no spatial-join frames: a million points take
    well under a second, about 1/15 of a bare `geopandas.sjoin` (benchmarks/bench_dongs.py).
    A point on a shared edge gets the lowest-index dong, as in dong_code_at."""
    lons = np.asarray(lons, dtype=float)
    lats = np.asarray(lats, dtype=float)
    gdf = dongs()
    found = np.full(len(lons), len(gdf))
    geometries = gdf.geometry.values
    bounds = shapely.bounds(geometries)
    for index in range(len(gdf) - 1, -1, -1):  # lowest index last: it wins on shared edges
        west, south, east, north = bounds[index]
        inside_box = np.flatnonzero(
            (lons >= west) & (lons <= east) & (lats >= south) & (lats <= north)
        )
        hits = shapely.intersects_xy(geometries[index], lons[inside_box], lats[inside_box])
        found[inside_box[hits]] = index
    codes = np.append(gdf["code"].to_numpy(dtype=object), None)
    return codes[found].tolist()

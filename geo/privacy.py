"""Location privacy: the one rule for the point anyone may learn about a problem.

- An adult's public problem: its exact point.
- A public problem reported by a member under 18: the point snapped to a fixed grid of 0.001°
  (about 111 m north-south and 90 m east-west in Jeonju, 35.8° N), "about 100 m". The grid is
  fixed, not random, so repeating or averaging queries learns nothing beyond the grid cell.
- A problem that is not public (pending, hidden): no point at all.

soslab.problems stores the result in Problem.public_lat / public_lon / location_approximate
whenever a problem is saved (Problem.refresh_public_point) and when its author's age band
changes, so every output filters, orders and measures on the published point in SQL: map
GeoJSON (points, clusters and bbox edges), list "nearest" ordering, similar-problem suggestions
and their distances, hotspots, Open311, open data CSV/GeoJSON, page text and geo evidence. The
exact point stays in the database for the author's own form and for staff.

A library function: it takes plain values (is the author a minor?), never a domain model.
"""

ROUND_DECIMALS = 3


def published_point(lat, lon, *, minor):
    """(lat, lon, approximate) as anyone may learn it: snapped to the 0.001° grid for minors,
    exact otherwise; (None, None, False) without a point. Callers check publicity themselves
    (public querysets, Problem.public_point)."""
    if lat is None or lon is None:
        return None, None, False
    if minor:
        return round(lat, ROUND_DECIMALS), round(lon, ROUND_DECIMALS), True
    return lat, lon, False

"""Location privacy for public outputs (maps, GeoJSON, open data).

Problems reported by members under 18 are published with their point rounded to 3 decimal
places: about 111 m north-south and 90 m east-west in Jeonju (35.8° N), i.e. "about 100 m".
Their exact point stays in the database for staff; every public output goes through here.
"""

from soslab.accounts.models import AgeBand

ROUND_DECIMALS = 3


def public_point(lat, lon, age_band):
    """(lat, lon, approximate) as published: rounded for minors, exact otherwise."""
    if lat is None or lon is None:
        return None, None, False
    if age_band != AgeBand.ADULT:
        return round(lat, ROUND_DECIMALS), round(lon, ROUND_DECIMALS), True
    return lat, lon, False

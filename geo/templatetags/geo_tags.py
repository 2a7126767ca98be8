"""Geo evidence for problem pages, so the problems template needs no view changes:

{% load geo_tags %}
{% problem_traffic_spots problem as traffic_spots %}
{% include "geo/traffic_flag.html" with spots=traffic_spots %}
{% problem_air_evidence problem as air_evidence %}
{% include "geo/air_evidence.html" with evidence=air_evidence %}
"""

from django import template
from django.conf import settings

from geo.services import TRAFFIC_FLAG_METRES, air_evidence_for, traffic_hotspots_near

register = template.Library()

DEFAULT_TRAFFIC_SLUGS = ("traffic", "교통")


@register.simple_tag
def problem_traffic_spots(problem):
    """Accident hotspots within 100 m of a traffic problem (empty for other categories)."""
    slugs = getattr(settings, "GEO_TRAFFIC_CATEGORY_SLUGS", DEFAULT_TRAFFIC_SLUGS)
    category = getattr(problem, "category", None)
    lat, lon, _approximate = problem.public_point  # spots near the exact point would locate it
    if not category or category.slug not in slugs or lat is None:
        return []
    return traffic_hotspots_near(lon, lat, TRAFFIC_FLAG_METRES)


@register.simple_tag
def problem_air_evidence(problem):
    """The nearest station's readings around the report for an air-quality problem, or None."""
    return air_evidence_for(problem)

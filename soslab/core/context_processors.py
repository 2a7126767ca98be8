from django.conf import settings
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext_lazy as _

NAVIGATION = [
    # (label, url name or path)
    (_("Problems"), "/problems/"),
    (_("Rounds"), "/rounds/"),
    (_("Projects"), "/projects/"),
    (_("Map"), "/map/"),
    (_("Results sharing"), "/results/"),
]


def _resolve(target):
    if target.startswith("/"):
        return target
    try:
        return reverse(target)
    except NoReverseMatch:
        return None


def site_chrome(request):
    """Navigation for base.html, with the current section marked for aria-current, and the map
    tile URL (settings.GEO_TILE_URL) for the scripts that draw maps in the browser."""
    path = request.path
    items = []
    for label, target in NAVIGATION:
        url = _resolve(target)
        if url:
            items.append({"label": label, "url": url, "current": path.startswith(url)})
    return {"main_navigation": items, "map_tile_url": settings.GEO_TILE_URL}

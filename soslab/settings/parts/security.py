"""Settings: Security headers, cookies, map tiles and the Content Security Policy. Included by soslab.settings.base."""

from csp.constants import NONCE, NONE, SELF

from soslab.core.csp import url_template_source
from soslab.settings.env import env

# --- Security (on everywhere; production adds HTTPS-only settings) --------------------------

SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
LANGUAGE_COOKIE_SAMESITE = "Lax"

# Map tiles are optional (markers, areas and legends draw without them). Empty: no tiles. Every
# map (folium maps, the report form's picker) uses this URL and the CSP below allows its origin.
GEO_TILE_URL = env("GEO_TILE_URL", "https://tile.openstreetmap.org/{z}/{x}/{y}.png")

# Content Security Policy: our own static files only, scripts need the per-request nonce.
# Styles allow inline attributes because Leaflet positions map panes with style="".
# The Wagtail admin ships inline scripts of its own and is excluded (staff-only, CSRF-protected).
CONTENT_SECURITY_POLICY = {
    "EXCLUDE_URL_PREFIXES": ["/admin/"],
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, NONCE],
        "style-src": [SELF, "'unsafe-inline'"],
        # Map tiles: derived from GEO_TILE_URL, the one tile URL every map uses.
        "img-src": [SELF, "data:", "blob:", *filter(None, [url_template_source(GEO_TILE_URL)])],
        "font-src": [SELF],
        "connect-src": [SELF],
        "frame-src": ["https://www.youtube-nocookie.com", "https://player.vimeo.com"],
        "frame-ancestors": [NONE],
        "form-action": [SELF],
        "base-uri": [SELF],
        "object-src": [NONE],
    },
}

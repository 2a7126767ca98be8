"""Settings: The platform's own settings: demo accounts, rate limits, geography, moderation, Open311. Included by soslab.settings.base."""

from soslab.settings.env import env, env_int, env_list
from soslab.settings.parts.files import FIXTURES_DIR

# --- Platform -------------------------------------------------------------------------------

SITE_URL = env("SITE_URL", "http://127.0.0.1:8000")
# Demo accounts exist only when this is on (dev); production never creates them.
SOSLAB_DEMO_ACCOUNTS = False

# One rate-limit table for every write (soslab.core.ratelimit). "N/period" with period s, m, h, d.
SOSLAB_RATE_LIMITS = {
    "signup": ["10/h/ip"],
    "problem_create": ["5/h/user", "20/h/ip"],
    "comment_create": ["30/h/user", "60/h/ip"],
    "support": ["120/h/user", "300/h/ip"],
    "vote": ["60/h/user", "300/h/ip"],
    "idea_create": ["5/h/user", "20/h/ip"],
    "report": ["20/h/user", "60/h/ip"],
    "team_join": ["10/h/user", "30/h/ip"],
    "guardian_link": ["30/h/ip"],
}

# Administrative-area data shipped in fixtures/ (see fixtures/jeonju/SOURCES.md).
GEO_DATA_DIR = FIXTURES_DIR / "jeonju"
GEO_METRIC_CRS = "EPSG:5186"
AIRKOREA_SERVICE_KEY = env("AIRKOREA_SERVICE_KEY", "")
AIRKOREA_API_URL = env("AIRKOREA_API_URL", "")  # empty: the official data.go.kr endpoint
AIRKOREA_TIMEOUT = (5, 20)  # connect, read seconds
# Hotspots (geo.hotspots, soslab.maps.services): at least N public reports of one category within
# R metres, reported in the last WINDOW days (0: all time), no hotspot wider than MAX_WIDTH metres;
# recomputed after new reports (debounced when a worker runs the tasks; at once when eager).
GEO_HOTSPOT_MIN_REPORTS = env_int("GEO_HOTSPOT_MIN_REPORTS", 5)
GEO_HOTSPOT_RADIUS_M = env_int("GEO_HOTSPOT_RADIUS_M", 150)
GEO_HOTSPOT_MAX_WIDTH_M = env_int("GEO_HOTSPOT_MAX_WIDTH_M", 500)
GEO_HOTSPOT_WINDOW_DAYS = env_int("GEO_HOTSPOT_WINDOW_DAYS", 90)
GEO_HOTSPOT_DEBOUNCE_SECONDS = 120
# Open-data downloads served from files rebuilt in the background (soslab.opendata.files): one
# rebuild at the end of this window after changes; off (always streamed) in the test settings.
SOSLAB_OPENDATA_FILES = True
SOSLAB_OPENDATA_DEBOUNCE_SECONDS = env_int("SOSLAB_OPENDATA_DEBOUNCE_SECONDS", 60)
# The problem map sends points up to this many per view; more are aggregated on the server.
GEO_MAP_MAX_POINTS = env_int("GEO_MAP_MAX_POINTS", 1000)
# Problem categories whose pages show nearby air-quality readings (geo.services.air_evidence_for).
GEO_AIR_CATEGORY_SLUGS = env_list("GEO_AIR_CATEGORY_SLUGS", "air,air-quality,대기환경,미세먼지")

# --- Moderation and Open311 ------------------------------------------------------------------

# Pre-moderation (soslab.moderation.services.new_content_state)
SOSLAB_PREMODERATE_UNDER_14 = True
SOSLAB_PREMODERATE_FIRST_POSTS = env_int("SOSLAB_PREMODERATE_FIRST_POSTS", 2)
# Reports (soslab.moderation): distinct reporters after which an item is hidden pending review.
SOSLAB_REPORT_THRESHOLD = env_int("SOSLAB_REPORT_THRESHOLD", 3)
# New accounts (younger than this many days) may include at most this many links in a post.
SOSLAB_NEW_ACCOUNT_DAYS = env_int("SOSLAB_NEW_ACCOUNT_DAYS", 7)
SOSLAB_NEW_ACCOUNT_MAX_LINKS = env_int("SOSLAB_NEW_ACCOUNT_MAX_LINKS", 1)

# Open311 GeoReport v2 (geo/open311.py, docs/open311.md): the one jurisdiction this server serves
# and the hosts a posted media_url may come from (https only; fetched with a 5 s timeout).
OPEN311_JURISDICTION_ID = env("OPEN311_JURISDICTION_ID", "jeonju.go.kr")
OPEN311_MEDIA_URL_HOSTS = env_list("OPEN311_MEDIA_URL_HOSTS")

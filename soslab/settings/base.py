"""Settings shared by every environment. Secure by default; everything that differs between
machines is read from the environment (see `.env.example` and docs/operations.md).

`dev.py`, `test.py` and `production.py` each derive from this module, never from each other.
"""

import ipaddress
import os
from pathlib import Path

import dj_database_url
from celery.schedules import crontab
from csp.constants import NONCE, NONE, SELF
from django.core.exceptions import ImproperlyConfigured

from soslab.core.csp import url_template_source

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent
VAR_DIR = Path(os.environ.get("SOSLAB_VAR_DIR", BASE_DIR / "var"))


def env(name, default=None):
    return os.environ.get(name, default)


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_int(name, default):
    value = os.environ.get(name)
    if value in (None, ""):
        return default
    try:
        return int(value)
    except ValueError as exc:
        raise ImproperlyConfigured(f"{name} must be a whole number, got {value!r}") from exc


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


# --- Core -----------------------------------------------------------------------------------

DEBUG = env_bool("DJANGO_DEBUG", False)
SECRET_KEY = env("SECRET_KEY", "")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    # Project apps first so their templates and translations win.
    "soslab.core",
    "soslab.accounts",
    "soslab.problems",
    "soslab.comments",
    "soslab.notifications",
    "soslab.moderation",
    "soslab.ideas",
    "soslab.teams",
    "soslab.people",
    "soslab.discovery",
    "geo",
    "cms",
    # Wagtail
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.table_block",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    # Accounts
    "allauth",
    "allauth.account",
    # Django
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.sitemaps",
    "django.contrib.syndication",
    "rules.apps.AutodiscoverRulesConfig",
    "csp",
    "django_prometheus",
]

MIDDLEWARE = [
    # First: every later log line of the request carries its id (soslab.core.observability).
    "soslab.core.observability.RequestIdMiddleware",
    "django_prometheus.middleware.PrometheusBeforeMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "soslab.core.middleware.InputHygieneMiddleware",
    "soslab.core.middleware.RateLimitedMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "django_prometheus.middleware.PrometheusAfterMiddleware",
]

ROOT_URLCONF = "soslab.urls"
WSGI_APPLICATION = "soslab.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "csp.context_processors.nonce",
                "wagtail.contrib.settings.context_processors.settings",
                "soslab.core.context_processors.site_chrome",
            ],
        },
    },
]

# --- Database -------------------------------------------------------------------------------
# DATABASE_URL (PostgreSQL in production). Without it: SQLite in var/, tuned for concurrent
# writers: WAL journal, IMMEDIATE transactions (a writer takes the lock at BEGIN, so two
# read-then-write transactions cannot deadlock on lock upgrade) and a generous busy timeout.

# Django's SQLite backend plus `PRAGMA optimize` at open/close (planner statistics stay fresh as
# the database grows; soslab/core/sqlite/__init__.py).
SQLITE_ENGINE = "soslab.core.sqlite"
SQLITE_OPTIONS = {
    "transaction_mode": "IMMEDIATE",
    "timeout": 30,
    "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=30000",
}

if env("DATABASE_URL"):
    DATABASES = {"default": dj_database_url.parse(env("DATABASE_URL"), conn_max_age=60)}
    if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
        DATABASES["default"]["ENGINE"] = SQLITE_ENGINE
        DATABASES["default"]["OPTIONS"] = dict(SQLITE_OPTIONS)
else:
    DATABASES = {
        "default": {
            "ENGINE": SQLITE_ENGINE,
            "NAME": VAR_DIR / "db.sqlite3",
            "OPTIONS": dict(SQLITE_OPTIONS),
        }
    }

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Cache ----------------------------------------------------------------------------------
# Rate limits and the geo caches live here; production points REDIS_URL / CACHE_URL at Redis so
# every gunicorn worker shares them.

if env("CACHE_URL"):
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": env("CACHE_URL"),
        }
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "soslab",
        }
    }

# --- Accounts -------------------------------------------------------------------------------

AUTH_USER_MODEL = "accounts.User"
# ModelBackend first: Django's force_login (and Wagtail's test utilities) log in through the first
# backend, which must be able to load a user (rules' backend answers permissions only).
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
    "rules.permissions.ObjectPermissionBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "/"
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_SIGNUP_FORM_CLASS = "soslab.accounts.forms.SignupForm"
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
# People may sign in before verifying, and read; every posting view checks verification
# (soslab.accounts.permissions.posting_refusal).
ACCOUNT_EMAIL_VERIFICATION = "optional"
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[SOS랩 전주] "
ACCOUNT_RATE_LIMITS = {
    "login_failed": "10/m/ip,5/5m/key",
    "confirm_email": "1/3m/key",
    "reset_password": "20/m/ip,5/5m/key",
}

# --- Internationalisation -------------------------------------------------------------------

LANGUAGE_CODE = "ko"
LANGUAGES = [("ko", "한국어"), ("en", "English")]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Asia/Seoul"
USE_I18N = True
USE_TZ = True
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
WAGTAIL_CONTENT_LANGUAGES = [("ko", "한국어")]

# --- Static and media -----------------------------------------------------------------------

STATIC_URL = "/static/"
STATIC_ROOT = Path(env("STATIC_ROOT", VAR_DIR / "static"))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env("MEDIA_ROOT", VAR_DIR / "media"))
# Citizen uploads are private by default (soslab.core.media): stored under MEDIA_ROOT/private,
# copied to MEDIA_ROOT/public (served at /media/public/) only while their object is public.
# The web server must serve /media/public/ (and Wagtail's /media/images/), never /media/private/.
PRIVATE_MEDIA_ROOT = MEDIA_ROOT / "private"
PUBLIC_MEDIA_ROOT = MEDIA_ROOT / "public"
PUBLIC_MEDIA_URL = MEDIA_URL + "public/"


def media_storages(private_root, public_root, public_url):
    """The two upload storages; settings modules that move MEDIA_ROOT call this again."""
    return {
        "private": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            # Not served by anyone: a URL from it would 404 (use the protected view).
            "OPTIONS": {"location": private_root, "base_url": "/media/private/"},
        },
        "public": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": public_root, "base_url": public_url},
        },
    }


STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    **media_storages(PRIVATE_MEDIA_ROOT, PUBLIC_MEDIA_ROOT, PUBLIC_MEDIA_URL),
}
# Non-public uploads go out through django-sendfile2 after the permission check. Default: Django
# streams the file (development, tests); production uses nginx's X-Accel-Redirect to the
# internal location SENDFILE_URL, which aliases MEDIA_ROOT. The root is MEDIA_ROOT, not private/,
# because Wagtail's document view sends documents (MEDIA_ROOT/documents/) through the same backend.
SENDFILE_BACKEND = env("SENDFILE_BACKEND", "django_sendfile.backends.simple")
SENDFILE_ROOT = str(MEDIA_ROOT)
SENDFILE_URL = "/_protected"
FILE_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 12 * 1024 * 1024
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000
FIXTURES_DIR = BASE_DIR / "fixtures"
# `make backup` writes one timestamped folder here (soslab.core.backup; docs/operations.md).
BACKUP_DIR = Path(env("BACKUP_DIR", VAR_DIR / "backups"))

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

# --- Email ----------------------------------------------------------------------------------

EMAIL_BACKEND = env("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
EMAIL_HOST = env("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 587)
EMAIL_HOST_USER = env("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", True)
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", "SOS랩 전주 <noreply@soslab-jeonju.kr>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# --- Celery ---------------------------------------------------------------------------------
# Without CELERY_BROKER_URL tasks run in-process (the embedded default for `make run` and tests);
# with it, `make worker` and `make beat` run them on the broker (Redis in production).

CELERY_BROKER_URL = env("CELERY_BROKER_URL", "")
CELERY_RESULT_BACKEND = env("CELERY_RESULT_BACKEND", CELERY_BROKER_URL or None)
CELERY_TASK_ALWAYS_EAGER = not CELERY_BROKER_URL
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_TIME_LIMIT = 300
CELERY_TASK_SOFT_TIME_LIMIT = 240
CELERY_TIMEZONE = TIME_ZONE
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_RESULT_EXPIRES = 3600
# A request never waits long for the broker: work goes through the outbox (soslab.core.outbox),
# which tries one quick publish and otherwise leaves the task for the relay.
SOSLAB_OUTBOX_PUBLISH_TIMEOUT = 1.0  # seconds to connect to the broker from a request
SOSLAB_OUTBOX_BACKOFF = 30  # seconds a process skips the quick publish after a broker failure
CELERY_BROKER_CONNECTION_TIMEOUT = SOSLAB_OUTBOX_PUBLISH_TIMEOUT
CELERY_BROKER_TRANSPORT_OPTIONS = {
    "socket_connect_timeout": SOSLAB_OUTBOX_PUBLISH_TIMEOUT,
    "socket_timeout": 5,
}
# Periodic tasks (run by `make beat`). Each app documents its own entry in docs/celery.md.
CELERY_BEAT_SCHEDULE: dict = {
    # Hands tasks that waited in the outbox during a broker outage to the broker.
    "core-outbox-relay": {"task": "soslab.core.tasks.relay_outbox", "schedule": 60.0},
    # One digest email per person with new notifications, every morning (CELERY_TIMEZONE).
    "notifications-daily-digest": {
        "task": "soslab.notifications.tasks.send_notification_digests",
        "schedule": crontab(hour=8, minute=0),
    },
    # AirKorea publishes each hour about 15 minutes after it ends (docs/geo.md).
    "geo-airkorea-hourly": {
        "task": "geo.tasks.fetch_airkorea_readings",
        "schedule": crontab(minute=20),
    },
    # Safety net for the debounced hotspot recomputation queued after new reports.
    "geo-hotspots": {"task": "geo.tasks.recompute_hotspots", "schedule": crontab(minute="*/30")},
    # "Is it still there?" to authors of open problems reported four weeks ago (once each).
    "problems-still-there": {
        "task": "soslab.problems.tasks.ask_still_there",
        "schedule": crontab(hour=10, minute=0),
    },
    # Guardian consent requests still waiting get a reminder after 3 and 7 days (once each).
    "teams-guardian-reminders": {
        "task": "soslab.teams.tasks.remind_guardians",
        "schedule": crontab(hour=9, minute=30),
    },
    # Expired data exports (/accounts/export/) and their files are deleted.
    "accounts-purge-exports": {
        "task": "soslab.accounts.tasks.purge_data_exports",
        "schedule": crontab(hour=4, minute=15),
    },
}

# Wagtail 8 uses django-tasks for its own small jobs (search index, reference index); they run
# immediately in-process. Our background work goes through Celery only.
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}

# --- Wagtail --------------------------------------------------------------------------------

WAGTAIL_SITE_NAME = "SOS랩 전주"
WAGTAILADMIN_BASE_URL = env("SITE_URL", "http://127.0.0.1:8000")
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILDOCS_EXTENSIONS = ["csv", "pdf", "txt", "xlsx", "zip", "hwp", "pptx"]
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 40_000_000
WAGTAILEMBEDS_RESPONSIVE_HTML = True
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAIL_MODERATION_ENABLED = True
WAGTAIL_WORKFLOW_ENABLED = True
# Approving a workflow publishes without a page-permission check: the task decides who approves.
WAGTAIL_FINISH_WORKFLOW_ACTION = "cms.workflows.publish_approved"
WAGTAILADMIN_COMMENTS_ENABLED = True

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
# Hotspots: at least N public reports within R metres (geo.hotspots); recomputed after new reports.
GEO_HOTSPOT_MIN_REPORTS = env_int("GEO_HOTSPOT_MIN_REPORTS", 5)
GEO_HOTSPOT_RADIUS_M = env_int("GEO_HOTSPOT_RADIUS_M", 150)
GEO_HOTSPOT_DEBOUNCE_SECONDS = 120
# The problem map sends points up to this many per view; more are aggregated on the server.
GEO_MAP_MAX_POINTS = env_int("GEO_MAP_MAX_POINTS", 1000)
# Problem categories whose pages show nearby air-quality readings (geo.services.air_evidence_for).
GEO_AIR_CATEGORY_SLUGS = env_list("GEO_AIR_CATEGORY_SLUGS", "air,air-quality,대기환경,미세먼지")

# --- Logging and monitoring (docs/operations.md, "Monitoring") --------------------------------
# Every line carries the request id (or the Celery task id): soslab.core.observability.
# LOG_FORMAT "plain" (the default here) or "json" (one JSON object a line; production's default).


def logging_config(log_format, level):
    if log_format not in {"plain", "json"}:
        raise ImproperlyConfigured(f"LOG_FORMAT must be plain or json, got {log_format!r}")
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "filters": {"request_id": {"()": "soslab.core.observability.RequestIdFilter"}},
        "formatters": {
            "plain": {"format": "%(asctime)s %(levelname)s %(name)s [%(request_id)s] %(message)s"},
            "json": {
                "()": "pythonjsonlogger.json.JsonFormatter",
                "fmt": "%(asctime)s %(levelname)s %(name)s %(message)s %(request_id)s",
                "datefmt": "%Y-%m-%dT%H:%M:%S%z",
                "rename_fields": {"asctime": "time", "levelname": "level", "name": "logger"},
            },
        },
        "handlers": {
            "console": {
                "class": "logging.StreamHandler",
                "formatter": log_format,
                "filters": ["request_id"],
            }
        },
        "root": {"handlers": ["console"], "level": level},
        "loggers": {
            "django.db.backends": {"level": "WARNING"},
            "django_tasks": {"level": "WARNING"},
        },
    }


LOG_LEVEL = env("LOG_LEVEL", "INFO")
LOGGING = logging_config(env("LOG_FORMAT", "plain"), LOG_LEVEL)

# Prometheus /metrics (django-prometheus): answered for direct connections from these networks,
# or for anyone with `Authorization: Bearer <METRICS_TOKEN>`; 404 otherwise.
METRICS_ALLOWED_NETWORKS = env_list("METRICS_ALLOWED_NETWORKS", "127.0.0.0/8,::1/128")
METRICS_TOKEN = env("METRICS_TOKEN", "")
for _network in METRICS_ALLOWED_NETWORKS:
    try:
        ipaddress.ip_network(_network, strict=False)
    except ValueError as _exc:
        raise ImproperlyConfigured(
            f"METRICS_ALLOWED_NETWORKS: {_network!r} is not a network (e.g. 10.0.0.0/8)"
        ) from _exc

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

"""Settings: Static files, media (private and public uploads), protected downloads and backups. Included by soslab.settings.base."""

from pathlib import Path

from soslab.settings.env import BASE_DIR, VAR_DIR, env

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

"""The site's public address (settings.SITE_URL, the one base for absolute links in e-mails,
feeds and here) and the Wagtail page types this app treats specially, named by content type so
soslab.discovery never imports cms."""

from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.contenttypes.models import ContentType

PROJECT_PAGE = ("cms", "projectpage")


def site_url():
    return settings.SITE_URL.rstrip("/")


def absolute(path):
    """An absolute URL on the public site for a path such as /problems/1/."""
    return site_url() + path


def scheme_and_domain():
    parts = urlsplit(site_url())
    return parts.scheme or "https", parts.netloc + parts.path


def page_type(natural_key):
    """The ContentType of a Wagtail page model (cached by Django after the first lookup)."""
    return ContentType.objects.get_by_natural_key(*natural_key)

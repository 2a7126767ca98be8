"""Walk every URL pattern the site answers: the root URLconf (recursively, Wagtail's and allauth's
included) and the routes of Wagtail routable pages, which Wagtail's catch-all serves."""

from dataclasses import dataclass

from django.apps import apps
from django.urls import URLPattern, URLResolver, get_resolver
from wagtail.contrib.routable_page.models import RoutablePageMixin


@dataclass(frozen=True)
class Pattern:
    key: str  # "namespace:name", the pattern text when unnamed, or "app.Model:route" for pages
    route: str  # the full pattern text
    view: str  # dotted path of the view
    converters: tuple  # names of the path arguments


def _walk(patterns, prefix="", namespaces=()):
    for entry in patterns:
        if isinstance(entry, URLResolver):
            namespace = (entry.namespace,) if entry.namespace else ()
            yield from _walk(
                entry.url_patterns, prefix + str(entry.pattern), namespaces + namespace
            )
        elif isinstance(entry, URLPattern):
            route = prefix + str(entry.pattern)
            key = ":".join([*namespaces, entry.name]) if entry.name else route
            converters = tuple(getattr(entry.pattern, "converters", {}) or ()) or tuple(
                entry.pattern.regex.groupindex
            )
            yield Pattern(key, route, entry.lookup_str, converters)


def _page_routes():
    for model in apps.get_models():
        if not issubclass(model, RoutablePageMixin):
            continue
        for entry in model.get_subpage_urls():
            label = model._meta.label
            converters = tuple(getattr(entry.pattern, "converters", {}) or ())
            yield Pattern(
                f"{label}:{entry.name}",
                f"<{label}>/{entry.pattern}",
                f"{model.__module__}.{model.__name__}.{entry.callback.__name__}",
                converters,
            )


def all_patterns():
    """Every pattern once (a route registered twice, like allauth's overridden sign-up, once)."""
    seen = {}
    for pattern in [*_walk(get_resolver().url_patterns), *_page_routes()]:
        seen.setdefault(pattern.key, pattern)
    return list(seen.values())

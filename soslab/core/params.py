"""Input hygiene in one place: characters no request may carry, and bounded parsing of query
parameters. Views parse every parameter they use through these functions; a `BadInput` becomes a
precise 400 (`bad_input_response`: JSON for API clients, a page with the message otherwise, or the
view's own format when it declares one with `@bad_input_format`).
`soslab.core.middleware.InputHygieneMiddleware` is the backstop: no path, path argument or query
parameter with a NUL byte or an XML-illegal control character reaches a view. Form fields get the same rule from `soslab.core.forms.CleanTextMixin`.
"""

import math
import re

from django.shortcuts import render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .http import json_error, wants_json

# Characters XML 1.0 cannot carry (and PostgreSQL refuses NUL in text): C0 controls except tab,
# newline and carriage return, the non-characters U+FFFE/U+FFFF and lone surrogates.
ILLEGAL_CHARACTERS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")

# Ids are positive and fit a signed 32-bit integer column; bigger is certainly no row of ours
# and some drivers overflow on it.
ID_MAX = 2**31 - 1

ILLEGAL_CHARACTERS_MESSAGE = gettext_lazy(
    "This text contains invisible control characters. Please remove them and try again."
)


class BadInput(ValueError):
    """A request parameter that cannot be used; `message` is translated and names it."""

    def __init__(self, name, message, *, code="invalid_parameter"):
        super().__init__(str(message))
        self.name = name
        self.message = str(message)
        self.code = code


def has_illegal_characters(value):
    return bool(ILLEGAL_CHARACTERS.search(value or ""))


def strip_illegal_characters(value):
    """Text safe for XML and feeds: illegal characters removed (old stored data included)."""
    return ILLEGAL_CHARACTERS.sub("", value) if value else value


def query_text(params, name, *, default="", max_length=200):
    """A text parameter without illegal characters, stripped, at most `max_length` long."""
    raw = params.get(name)
    if raw is None:
        return default
    if has_illegal_characters(raw):
        raise BadInput(name, _("%(name)s contains control characters.") % {"name": name})
    value = raw.strip()
    if len(value) > max_length:
        raise BadInput(
            name,
            _("%(name)s can be at most %(max)s characters.") % {"name": name, "max": max_length},
        )
    return value


def query_float(params, name, *, minimum, maximum, required=True):
    """A finite decimal number between `minimum` and `maximum` (None when optional and absent)."""
    raw = (params.get(name) or "").strip()
    if not raw:
        if required:
            raise BadInput(name, _("%(name)s is required.") % {"name": name})
        return None
    try:
        value = float(raw)
    except ValueError:
        value = math.nan
    if not math.isfinite(value) or not minimum <= value <= maximum:
        raise BadInput(
            name,
            _("%(name)s must be a number between %(min)s and %(max)s.")
            % {"name": name, "min": minimum, "max": maximum},
        )
    return value


def parse_id(raw, name="id"):
    """A database id: a positive whole number up to ID_MAX."""
    raw = (raw or "").strip()
    if not (raw.isascii() and raw.isdigit()) or len(raw) > 10 or not 1 <= int(raw) <= ID_MAX:
        raise BadInput(name, _("%(name)s must be a positive whole number.") % {"name": name})
    return int(raw)


def query_id(params, name, *, required=False):
    """An id parameter (None when optional and absent or empty)."""
    raw = (params.get(name) or "").strip()
    if not raw:
        if required:
            raise BadInput(name, _("%(name)s is required.") % {"name": name})
        return None
    return parse_id(raw, name)


# --- answering bad input -------------------------------------------------------------------------


def bad_input_format(renderer):
    """Declare how a view answers bad input: `renderer(request, error) -> HttpResponse`
    (Open311 uses its error list). Read by the middleware and by `bad_input_response`."""

    def decorate(view):
        view.bad_input_renderer = renderer
        return view

    return decorate


def _is_api_path(path):
    return path.endswith((".json", ".geojson")) or path.startswith("/api/")


def bad_input_response(request, error, view=None):
    """The 400 for `error`: the view's declared format, else JSON for API clients and API paths,
    else the 400 page with the message."""
    renderer = getattr(view, "bad_input_renderer", None)
    if renderer is not None:
        return renderer(request, error)
    if wants_json(request) or _is_api_path(request.path):
        return json_error(error.message, code=error.code, status=400)
    return render(request, "400.html", {"message": error.message}, status=400)


def request_bad_input(request):
    """The first BadInput in the request's path or query string (names and values), or None."""
    candidates = [("path", request.path)]
    for key, values in request.GET.lists():
        candidates.append((key, key))
        candidates.extend((key, value) for value in values)
    for name, value in candidates:
        if has_illegal_characters(value):
            return BadInput(
                name,
                _("The address contains control characters (%(name)s).") % {"name": name},
                code="illegal_characters",
            )
    return None

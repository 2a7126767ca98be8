from django.shortcuts import render
from django.urls import Resolver404, resolve
from django.utils.translation import gettext as _

from .http import json_error, wants_json
from .params import bad_input_response, request_bad_input
from .ratelimit import RateLimited


class RateLimitedMiddleware:
    """Turn RateLimited into a 429 that says when to try again, for browsers and API clients."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not isinstance(exception, RateLimited):
            return None
        minutes = max(1, round(exception.retry_after / 60))
        message = _(
            "You are doing that too often. Please try again in about %(minutes)d minutes."
        ) % {"minutes": minutes}
        if wants_json(request):
            response = json_error(message, code="rate_limited", status=429)
        else:
            response = render(request, "429.html", {"message": message}, status=429)
        response["Retry-After"] = str(exception.retry_after)
        return response


class InputHygieneMiddleware:
    """Backstop for every request: a NUL byte or an XML-illegal control character in the path
    (path arguments included) or the query string answers a precise 400 before any view or
    later middleware (redirect lookups) touches the database. The answer uses the format the
    matched view declares (`params.bad_input_format`), else JSON for API clients, else a page.
    Form fields are checked by the forms (`soslab.core.forms.CleanTextMixin`), so a person keeps
    what they typed and sees the message beside the field."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        error = request_bad_input(request)
        if error is None:
            return self.get_response(request)
        try:
            view = resolve(request.path_info).func
        except Resolver404:
            view = None
        return bad_input_response(request, error, view)

from django.shortcuts import render
from django.utils.translation import gettext as _

from .http import json_error, wants_json
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

"""The decorator every Open311 view goes through (`endpoint`): methods, CSRF, jurisdiction_id,
errors in the spec's format, CORS on reads."""

from functools import wraps

from django.conf import settings
from django.http import HttpResponse
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt

from soslab.core import exports
from soslab.core import params as core_params

from .formats import Open311Error, error_response
from .params import text_param

READ_METHODS = exports.READ_METHODS


def format_of(request):
    """The format a request asked for: the path's suffix, XML only when it says .xml."""
    return "xml" if request.path.endswith(".xml") else "json"


def _bad_input(request, error):
    """Bad input caught by soslab.core.params (and its middleware), in the spec's error list."""
    return error_response(format_of(request), 400, error.message)


def _cors(response):
    return exports.allow_public_read(response)


def endpoint(*, write=False):
    """Every Open311 view: GET, HEAD and OPTIONS (and POST for `write`); CSRF exempt (writes
    carry an api_key, never a session cookie); `jurisdiction_id` checked; Open311Error, bad
    input and wrong methods answered in the spec's error list in the requested format; reads
    carry CORS headers."""
    allowed = (*READ_METHODS, "POST") if write else READ_METHODS

    def decorator(view):
        @csrf_exempt
        @core_params.bad_input_format(_bad_input)
        @wraps(view)
        def wrapper(request, *args, **kwargs):
            fmt = format_of(request)
            if request.method not in allowed:
                response = error_response(fmt, 405, _("This method is not allowed here."))
                response["Allow"] = ", ".join(allowed)
                return response
            if request.method == "OPTIONS":
                response = HttpResponse(status=204)
                response["Allow"] = ", ".join(allowed)
                return _cors(response)
            params = request.POST if request.method == "POST" else request.GET
            try:
                check_jurisdiction(params)
                response = view(request, *args, **kwargs)
            except Open311Error as error:
                response = error_response(fmt, error.status, error.description)
                for header, value in error.headers.items():
                    response[header] = value
            if request.method != "POST":
                _cors(response)
            return response

        return wrapper

    return decorator


def jurisdiction_id():
    return getattr(settings, "OPEN311_JURISDICTION_ID", "jeonju.go.kr")


def check_jurisdiction(params):
    """`jurisdiction_id` is optional (we serve one city); a different one is a 404."""
    raw = text_param(params, "jurisdiction_id")
    if raw and raw != jurisdiction_id():
        raise Open311Error(
            404,
            _("Unknown jurisdiction_id: this server serves %(id)s.") % {"id": jurisdiction_id()},
        )

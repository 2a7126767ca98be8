"""Small HTTP helpers shared by every app: content negotiation and JSON errors."""

from django.http import JsonResponse


def wants_json(request):
    """True for API clients: they ask for JSON explicitly or post with fetch()."""
    accept = request.headers.get("Accept", "")
    return "application/json" in accept and "text/html" not in accept


def json_error(message, *, code, status):
    return JsonResponse({"error": code, "message": str(message)}, status=status)

"""View guards built on soslab.accounts.permissions."""

from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.shortcuts import render

from soslab.core.http import json_error, wants_json

from .permissions import posting_refusal


def posting_required(view):
    """Let the view run only for people who may post; explain the refusal otherwise.

    Browsers get a page saying why (anonymous people are sent to log in); API clients get JSON with
    the same message and a precise status.
    """

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        refusal = posting_refusal(request.user)
        if refusal is None:
            return view(request, *args, **kwargs)
        if wants_json(request):
            return json_error(refusal.message, code=refusal.code, status=refusal.status)
        if refusal.code == "login_required":
            return redirect_to_login(request.get_full_path())
        return render(
            request,
            "accounts/posting_refused.html",
            {"refusal": refusal},
            status=refusal.status,
        )

    return wrapper

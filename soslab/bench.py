"""Benchmark-only wiring (soslab.settings.bench sets ROOT_URLCONF to this module and adds the
middleware; no other settings mount it).

- `/bench/reference.json`: the one-query JSON reference view. `make bench` divides each page's
  throughput by this view's, served by the same gunicorn through the same middleware, so the
  ratios say how much a page costs beyond the framework's floor on this machine.
- `QueryCountMiddleware`: every response carries `X-Bench-Queries`, the number of SQL queries the
  request ran (middleware included), so the HTTP benchmark reports query counts without DEBUG.
"""

from django.db import connection
from django.http import JsonResponse
from django.urls import path

from soslab.problems.models import Problem
from soslab.urls import urlpatterns as site_urlpatterns


def reference(request):
    """One query: the newest public problem's id and title."""
    row = Problem.objects.public().order_by("-pk").values("pk", "title").first()
    return JsonResponse({"newest": row})


class QueryCountMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        count = [0]

        def counting(execute, sql, params, many, context):
            count[0] += 1
            return execute(sql, params, many, context)

        with connection.execute_wrapper(counting):
            response = self.get_response(request)
        response["X-Bench-Queries"] = str(count[0])
        return response


urlpatterns = [path("bench/reference.json", reference, name="bench_reference"), *site_urlpatterns]

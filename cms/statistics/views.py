"""/statistics/ and one CSV per table (same filters), through soslab.core.csv."""

from django.http import Http404
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from soslab.core.csv import csv_response
from soslab.core.params import BadInput, bad_input_response
from soslab.problems.models import Category

from .charts import bar_chart
from .filters import MONTH_FIELDS, PERIODS, parse_filters
from .numbers import CACHE_SECONDS, cached_tables


def _described(table):
    """The chart's <desc>: what it shows, in words, with the total."""
    total = sum((row[table.chart_column] or 0) for row in table.rows)
    return _("%(title)s: %(count)s rows, total %(total)s. The same numbers are in the table.") % {
        "title": table.title,
        "count": len(table.rows),
        "total": total,
    }


@require_GET
def index(request):
    """The page. A month the form cannot use is answered on the page itself (400, the message
    next to the field, the numbers of the other filters); other bad input is the plain 400."""
    month_error = None
    try:
        filters = parse_filters(request.GET)
    except BadInput as error:
        if error.name not in MONTH_FIELDS:
            return bad_input_response(request, error)
        month_error = error
        try:
            filters = parse_filters(request.GET, months=False)
        except BadInput as other:
            return bad_input_response(request, other)
    tables = cached_tables(filters)
    sections = [
        {
            "table": table,
            "chart": bar_chart(table, description=_described(table))
            if table.chart_column is not None and table.rows
            else None,
        }
        for table in tables.values()
    ]
    context = {
        "sections": sections,
        "sections_by_key": tables,
        "filters": filters,
        "periods": [(key, label) for key, (label, _span) in PERIODS.items()],
        "categories": Category.objects.all(),
        "cache_minutes": CACHE_SECONDS // 60,
        "month_error": month_error,
        "month_values": {name: request.GET.get(name, "")[:20] for name in MONTH_FIELDS},
    }
    return render(request, "statistics/index.html", context, status=400 if month_error else 200)


@require_GET
def table_csv(request, table):
    try:
        filters = parse_filters(request.GET)
    except BadInput as error:
        return bad_input_response(request, error)
    tables = cached_tables(filters)
    if table not in tables:
        raise Http404
    chosen = tables[table]
    return csv_response(
        chosen.columns,
        chosen.rows,
        filename=f"statistics-{table}-{filters.file_suffix()}.csv",
        cache_control=f"public, max-age={CACHE_SECONDS}",
    )

"""The problem list's pages at city scale: a capped count, a page cap, and "nearest" found in a
box around the point that widens until the page is exact. Each costs the same at 1,000 and at
100,000 problems: no query reads more than MAX_PAGES * page size rows of the index, whatever
page is asked for (see docs/problems.md#speed)."""

import math

from django.core.paginator import Paginator
from django.utils.functional import cached_property

#: Pages a list offers: 50 pages of 20 rows. Beyond, narrow with the filters (the page says so).
MAX_PAGES = 50
#: Half-sides of the boxes tried for "nearest", in degrees of latitude (about 0.55 km to 9 km);
#: after the last one the whole (filtered) list is sorted.
NEAR_BOXES = (0.005, 0.01, 0.02, 0.04, 0.08)


class CappedPaginator(Paginator):
    """A paginator that counts at most MAX_PAGES pages of rows (a LIMITed COUNT), so neither the
    count nor a deep page walks the whole table. `truncated` says more rows matched; `rows`
    (start, stop) -> list gives a page's rows when plain slicing is not the fastest way."""

    def __init__(self, object_list, per_page, *, max_pages=None, rows=None):
        super().__init__(object_list, per_page)
        self.max_rows = (max_pages or MAX_PAGES) * per_page
        self._rows = rows

    @cached_property
    def _counted(self):
        return self.object_list.order_by()[: self.max_rows + 1].count()

    @cached_property
    def count(self):
        return min(self._counted, self.max_rows)

    @property
    def truncated(self):
        return self._counted > self.max_rows

    def page(self, number):
        number = self.validate_number(number)
        bottom = (number - 1) * self.per_page
        top = min(bottom + self.per_page, self.count)
        if self._rows is not None:
            object_list = self._rows(bottom, top)
        else:
            object_list = list(self.object_list[bottom:top])
        return self._get_page(object_list, number, self)


def requested_page(value):
    """The page number asked for (1 when missing or not a number)."""
    try:
        return max(int(value), 1)
    except (TypeError, ValueError):
        return 1


def nearest_rows(queryset, lat, lon):
    """A `rows(start, stop)` function for a queryset ordered by `near_distance` (the squared
    equirectangular distance in degrees of latitude, filters.py): it first looks in a box around
    the point on the (public_lat, public_lon) index and widens it until the page's last row lies
    within the box's inner circle, so the page is exactly what sorting everything would give.
    Rows without a point sort last, so only the final, whole-list query reaches them."""
    kx = max(math.cos(math.radians(lat)), 0.01)

    def ranked_ids(rows_qs, start, stop):
        return list(rows_qs.values_list("pk", "near_distance")[start:stop])

    def rows(start, stop):
        if stop <= start:
            return []
        for half in NEAR_BOXES:  # probes read two columns; the page's rows are read once
            box = queryset.filter(
                public_lat__range=(lat - half, lat + half),
                public_lon__range=(lon - half / kx, lon + half / kx),
            )
            ranked = ranked_ids(box, start, stop)
            if len(ranked) == stop - start and ranked[-1][1] <= half * half:
                break
        else:
            ranked = ranked_ids(queryset, start, stop)
        by_pk = {problem.pk: problem for problem in queryset.filter(pk__in=[r[0] for r in ranked])}
        return [by_pk[pk] for pk, _distance in ranked if pk in by_pk]

    return rows

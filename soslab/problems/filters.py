"""The one definition of "which problems, in which order" for a set of query parameters.

Both the list page (/problems/) and the map's GeoJSON (/api/geo/problems.geojson, geo app) call
`filter_problems`, so the map always shows exactly the list's set. Keep its signature stable:

    queryset, cleaned = filter_problems(Problem.objects.public(), request.GET)

Every filter uses an index (see Problem.Meta.indexes); text search goes through
soslab.core.search (Korean morphemes with Kiwi, FTS5 on SQLite, a GIN index on PostgreSQL: the
same rows on every surface; docs/search.md).
"""

import math

from django import forms
from django.contrib.contenttypes.models import ContentType
from django.db.models import Exists, F, FloatField, OuterRef, Value
from django.db.models.functions import Cast
from django.utils.translation import gettext_lazy as _
from taggit.models import TaggedItem

from geo.models import Dong
from soslab.core.forms import CleanTextForm
from soslab.core.search import filter_matching

from .models import OPEN_STATUSES, Category, Problem, ProblemStatus

SORT_NEWEST = "new"
SORT_SUPPORTED = "supported"
SORT_DISCUSSED = "discussed"
SORT_NEAREST = "near"
SORT_CHOICES = [
    (SORT_NEWEST, _("Newest")),
    (SORT_SUPPORTED, _("Most supported")),
    (SORT_DISCUSSED, _("Most discussed")),
    (SORT_NEAREST, _("Nearest")),
]
STATUS_OPEN = "open"


class ProblemFilterForm(CleanTextForm):
    """Cleans the list's GET parameters. Unknown or invalid values are dropped, never an error
    page: a shared link with a stale category still shows a list."""

    q = forms.CharField(label=_("Search"), required=False, max_length=100)
    category = forms.ModelChoiceField(
        label=_("Category"),
        queryset=Category.objects.all(),
        to_field_name="slug",
        required=False,
        empty_label=_("All categories"),
    )
    status = forms.ChoiceField(
        label=_("Status"),
        required=False,
        choices=[("", _("Any status")), (STATUS_OPEN, _("Still open")), *ProblemStatus.choices],
    )
    dong = forms.ModelChoiceField(
        label=_("Dong"),
        queryset=Dong.objects.in_order(),
        to_field_name="code",
        required=False,
        empty_label=_("All of Jeonju"),
    )
    tag = forms.CharField(label=_("Tag"), required=False, max_length=50)
    sort = forms.ChoiceField(label=_("Sort by"), required=False, choices=SORT_CHOICES)
    near = forms.CharField(
        label=_("Near (latitude,longitude)"),
        required=False,
        max_length=60,
        widget=forms.HiddenInput,
    )

    def clean_near(self):
        value = (self.cleaned_data.get("near") or "").strip()
        if not value:
            return None
        try:
            lat, lon = (float(part) for part in value.split(","))
        except ValueError as exc:
            raise forms.ValidationError(_("Give the point as latitude,longitude.")) from exc
        if not (math.isfinite(lat) and math.isfinite(lon) and -90 <= lat <= 90) or not (
            -180 <= lon <= 180
        ):
            raise forms.ValidationError(_("Give the point as latitude,longitude."))
        return (lat, lon)


def _clean(params):
    form = ProblemFilterForm(params)
    form.is_valid()
    cleaned = {}
    for name in form.fields:
        if name in form.errors:
            cleaned[name] = None
        else:
            cleaned[name] = form.cleaned_data.get(name)
    cleaned["q"] = (cleaned["q"] or "").strip()
    cleaned["tag"] = normalise_tag(cleaned["tag"] or "")
    cleaned["status"] = cleaned["status"] or ""
    sort = cleaned["sort"] or SORT_NEWEST
    if sort == SORT_NEAREST and not cleaned["near"] and cleaned["dong"] is not None:
        # Without a point (no JavaScript, no location), "nearest" means nearest to the chosen
        # dong's representative point.
        cleaned["near"] = (cleaned["dong"].rep_lat, cleaned["dong"].rep_lon)
    if sort == SORT_NEAREST and not cleaned["near"]:
        sort = SORT_NEWEST
    cleaned["sort"] = sort
    cleaned["errors"] = {name: [str(e) for e in errs] for name, errs in form.errors.items()}
    cleaned["form"] = form
    return cleaned


def normalise_tag(name):
    """Tags are trimmed, inner whitespace collapsed, case-folded; Hangul is kept as is."""
    return " ".join(str(name).split()).casefold().lstrip("#")[:50]


def tagged_with(tag):
    """Tag rows naming `tag` on the outer query's problem (for Exists)."""
    return TaggedItem.objects.filter(
        content_type=ContentType.objects.get_for_model(Problem),
        object_id=OuterRef("pk"),
        tag__name=tag,
    )


def filter_problems(queryset, params):
    """Filter and sort `queryset` (usually Problem.objects.public()) by the GET `params`
    (a QueryDict or dict): category (slug), status (a ProblemStatus value or "open"), dong (MOIS
    code), tag, q (search words, all must match), sort (new, supported, discussed, near) and
    near=lat,lon. Returns (queryset, cleaned) where cleaned holds the accepted values (Category
    and Dong objects, the (lat, lon) tuple...), plus "errors" and the bound "form"."""
    cleaned = _clean(params)
    if cleaned["category"] is not None:
        queryset = queryset.filter(category=cleaned["category"])
    status = cleaned["status"]
    if status == STATUS_OPEN:
        queryset = queryset.filter(status__in=OPEN_STATUSES)
    elif status:
        queryset = queryset.filter(status=status)
    if cleaned["dong"] is not None:
        queryset = queryset.filter(dong=cleaned["dong"])
    if cleaned["tag"]:
        # EXISTS, not a join: the database walks problems in list order and stops at the page,
        # instead of collecting and sorting every problem with the tag (2.2x slower at 100k).
        queryset = queryset.filter(Exists(tagged_with(cleaned["tag"])))
    queryset = filter_matching(queryset, cleaned["q"])

    sort = cleaned["sort"]
    if sort == SORT_SUPPORTED:
        queryset = queryset.order_by("-support_count", "-created_at", "-pk")
    elif sort == SORT_DISCUSSED:
        queryset = queryset.order_by("-comment_count", "-created_at", "-pk")
    elif sort == SORT_NEAREST:
        lat, lon = cleaned["near"]
        # Equirectangular distance: exact ranking at city scale (Jeonju spans ~20 km), cheap in
        # SQL. Measured to the published point (geo.privacy): ordering by the exact one would
        # let repeated queries locate a minor's report. Problems without a point come last.
        kx = math.cos(math.radians(lat))
        dlat = Cast(F("public_lat"), FloatField()) - Value(lat)
        dlon = (Cast(F("public_lon"), FloatField()) - Value(lon)) * Value(kx)
        queryset = queryset.annotate(near_distance=dlat * dlat + dlon * dlon).order_by(
            F("near_distance").asc(nulls_last=True), "-created_at", "-pk"
        )
    else:
        queryset = queryset.order_by("-created_at", "-pk")
    return queryset, cleaned

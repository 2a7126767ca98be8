"""Forms for reporting, editing and the staff actions on a problem. Forms only validate and
clean; the services do the writing."""

import math

from django import forms
from django.utils.translation import gettext_lazy as _

from geo import boundaries
from geo.models import Dong
from soslab.core.forms import CleanTextForm
from soslab.moderation.forms import PersonalDataCheckMixin

from .filters import normalise_tag
from .models import (
    DESCRIPTION_MAX,
    DESCRIPTION_MIN,
    MAX_PHOTOS,
    MAX_TAGS,
    TITLE_MAX,
    TITLE_MIN,
    AnswerTemplate,
    Category,
    ProblemStatus,
)
from .services import OUTSIDE_JEONJU


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultiplePhotoField(forms.FileField):
    """Up to MAX_PHOTOS files from one <input type=file multiple>; the content checks happen in
    soslab.core.images.process_upload (the view reports its refusals on this field)."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault(
            "widget",
            MultipleFileInput(attrs={"accept": "image/jpeg,image/png,image/webp"}),
        )
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        single = super().clean
        if isinstance(data, (list, tuple)):
            files = [single(item, initial) for item in data if item]
        else:
            files = [single(data, initial)] if data else []
        if len(files) > MAX_PHOTOS:
            raise forms.ValidationError(
                _("Add at most %(count)s photos."), params={"count": MAX_PHOTOS}, code="too_many"
            )
        return files


def _split_tags(value):
    names = []
    for raw in (value or "").replace("，", ",").split(","):
        tag = normalise_tag(raw)
        if tag and tag not in names:
            names.append(tag)
    return names


class ProblemTextMixin(CleanTextForm):
    title = forms.CharField(
        label=_("Title"),
        min_length=TITLE_MIN,
        max_length=TITLE_MAX,
        help_text=_(
            "What is the problem, in a few words? e.g. '전북대 정문 앞 횡단보도 신호가 너무 짧아요'"
        ),
    )
    description = forms.CharField(
        label=_("Description"),
        min_length=DESCRIPTION_MIN,
        max_length=DESCRIPTION_MAX,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_(
            "What happens, when, and who is affected. Plain text; web addresses become links."
        ),
    )
    category = forms.ModelChoiceField(
        label=_("Category"),
        queryset=Category.objects.all(),
        empty_label=None,
        widget=forms.RadioSelect,
    )
    tags = forms.CharField(
        label=_("Tags"),
        required=False,
        max_length=200,
        help_text=_("Up to 5 words, separated by commas, e.g. 어린이, 통학로"),
    )

    def __init__(self, *args, author=None, **kwargs):
        # `author`: who is writing. The spam checks on their text run in the service
        # (soslab.moderation.screening), which shows its refusal on the form.
        super().__init__(*args, **kwargs)
        self.author = author

    def clean_tags(self):
        names = _split_tags(self.cleaned_data.get("tags"))
        if len(names) > MAX_TAGS:
            raise forms.ValidationError(
                _("Use at most %(count)s tags."), params={"count": MAX_TAGS}, code="too_many"
            )
        if any(len(name) > 50 for name in names):
            raise forms.ValidationError(_("Each tag can be at most 50 characters."))
        return names


class ProblemForm(PersonalDataCheckMixin, ProblemTextMixin):
    """Report a problem. The place is a map point (lat/lon, set by the map script) OR a dong
    from the list plus a description, so the form works without JavaScript and without a map."""

    # Warn before publishing phone numbers, resident registration numbers or emails; publishing
    # anyway flags the problem for moderator review (services.problem_create).
    personal_data_fields = ("title", "description", "location_text")

    lat = forms.FloatField(required=False, widget=forms.HiddenInput)
    lon = forms.FloatField(required=False, widget=forms.HiddenInput)
    dong = forms.ModelChoiceField(
        label=_("Dong (행정동)"),
        queryset=Dong.objects.in_order(),
        required=False,
        empty_label=_("Choose your dong"),
        help_text=_("If you do not use the map, choose the dong and describe the place below."),
    )
    location_text = forms.CharField(
        label=_("Where exactly?"),
        required=False,
        max_length=200,
        help_text=_("A landmark or address, e.g. '효자동 주민센터 건너편 버스정류장'."),
    )
    photos = MultiplePhotoField(
        label=_("Photos"),
        required=False,
        help_text=_(
            "Up to 3 photos (JPEG, PNG or WebP, at most 10 MB each). Location data in the photo is removed."
        ),
    )
    # Honeypot: hidden from people (CSS + aria-hidden), bots fill it in.
    website = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    field_order = [
        "title",
        "category",
        "description",
        "lat",
        "lon",
        "dong",
        "location_text",
        "tags",
        "photos",
        "website",
    ]

    def __init__(self, *args, kept_photos=0, **kwargs):
        super().__init__(*args, **kwargs)
        self.kept_photos = kept_photos

    def clean_website(self):
        if self.cleaned_data.get("website"):
            raise forms.ValidationError(
                _("Your report could not be sent. Please leave the last field empty."),
                code="honeypot",
            )
        return ""

    def clean_photos(self):
        files = self.cleaned_data.get("photos") or []
        if len(files) + self.kept_photos > MAX_PHOTOS:
            raise forms.ValidationError(
                _("Add at most %(count)s photos."), params={"count": MAX_PHOTOS}, code="too_many"
            )
        return files

    def clean(self):
        cleaned = super().clean()
        lat, lon = cleaned.get("lat"), cleaned.get("lon")
        if (lat is None) != (lon is None):
            lat = lon = None
        if lat is not None and not (math.isfinite(lat) and math.isfinite(lon)):
            lat = lon = None
        cleaned["lat"], cleaned["lon"] = lat, lon
        if lat is not None:
            if not boundaries.in_city(lon, lat):
                self.add_error(None, forms.ValidationError(OUTSIDE_JEONJU, code="outside_jeonju"))
        elif not cleaned.get("dong"):
            if "dong" not in self.errors:
                self.add_error(
                    "dong",
                    forms.ValidationError(
                        _("Choose a place on the map or pick your dong from the list."),
                        code="location_required",
                    ),
                )
        elif not (cleaned.get("location_text") or "").strip():
            self.add_error(
                "location_text",
                forms.ValidationError(
                    _("Without a map point, describe where it is (a landmark or address)."),
                    code="location_text_required",
                ),
            )
        return cleaned


class ProblemEditForm(PersonalDataCheckMixin, ProblemTextMixin):
    """Edit one's report. Personal data is warned about first; saving anyway flags the problem
    for review and new accounts' links are limited (both in services.problem_edit)."""

    personal_data_fields = ("title", "description", "location_text")

    location_text = forms.CharField(label=_("Where exactly?"), required=False, max_length=200)


class StatusChangeForm(CleanTextForm):
    status = forms.ChoiceField(
        label=_("New status"),
        choices=[c for c in ProblemStatus.choices if c[0] != ProblemStatus.DUPLICATE],
    )
    note = forms.CharField(
        label=_("Public note"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Shown on the public timeline."),
    )


class AnswerForm(CleanTextForm):
    template = forms.ModelChoiceField(
        label=_("Start from a template"),
        queryset=AnswerTemplate.objects.all(),
        required=False,
        empty_label=_("No template"),
        help_text=_(
            "Without JavaScript, choose a template and leave the answer empty to use its text."
        ),
    )
    body = forms.CharField(
        label=_("Official answer"),
        required=False,
        max_length=10_000,
        widget=forms.Textarea(attrs={"rows": 6}),
    )

    def __init__(self, *args, problem=None, **kwargs):
        super().__init__(*args, **kwargs)
        if problem is not None:
            from django.db.models import Q

            self.fields["template"].queryset = AnswerTemplate.objects.filter(
                Q(category__isnull=True) | Q(category_id=problem.category_id)
            )

    def clean(self):
        cleaned = super().clean()
        body = (cleaned.get("body") or "").strip()
        if not body and cleaned.get("template"):
            body = cleaned["template"].body
        if not body:
            self.add_error("body", _("Write the answer or choose a template."))
        cleaned["body"] = body
        return cleaned


class DuplicateForm(CleanTextForm):
    original = forms.IntegerField(
        label=_("Number of the original problem"),
        min_value=1,
        help_text=_("Its supports and followers move to the original."),
    )
    note = forms.CharField(label=_("Public note"), required=False, max_length=2000)


class StillThereForm(CleanTextForm):
    still_there = forms.TypedChoiceField(
        label=_("Is the problem still there?"),
        choices=[("yes", _("Yes, it is still there")), ("no", _("No, it is fixed"))],
        coerce=lambda value: value == "yes",
        widget=forms.RadioSelect,
    )
    note = forms.CharField(label=_("Anything to add? (public)"), required=False, max_length=1000)

"""Forms for proposing ideas and filtering the idea list. They validate input; services write."""

from django import forms
from django.utils.translation import gettext_lazy as _

from soslab.core.forms import CleanTextForm, CleanTextModelForm, IdField
from soslab.moderation.forms import PersonalDataCheckMixin

from .models import DESCRIPTION_MAX, MAX_IMAGES, MAX_TAGS, SUMMARY_MAX, Idea, IdeaStatus

ALLOWED_IMAGE_TYPES = ("image/jpeg", "image/png", "image/webp")


class MultipleImageInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleImageField(forms.FileField):
    """Up to MAX_IMAGES image files from one <input type=file multiple>."""

    widget = MultipleImageInput(attrs={"accept": ",".join(ALLOWED_IMAGE_TYPES), "multiple": True})

    def clean(self, data, initial=None):
        files = data if isinstance(data, list | tuple) else ([data] if data else [])
        files = [f for f in files if f]
        if len(files) > MAX_IMAGES:
            raise forms.ValidationError(_("Add at most 3 images."), code="too_many")
        # Content checks (real JPEG/PNG/WebP, size, pixels) happen in soslab.core.images,
        # which the view runs on each file; its refusals are shown on this field.
        return [super(MultipleImageField, self).clean(upload, initial) for upload in files]


class IdeaForm(PersonalDataCheckMixin, CleanTextModelForm):
    """Propose an idea. The problem choices are the public problems (the round's featured ones
    first); the service re-checks them (public, inside Jeonju) inside its transaction.

    Personal data is warned about first; the service runs the shared spam checks (links limit for
    new accounts, the same text twice refused) and flags an idea published anyway for review
    (soslab.moderation.screening)."""

    personal_data_fields = ("title", "summary", "description", "team_name")

    tags = forms.CharField(
        label=_("Tags"),
        required=False,
        max_length=200,
        help_text=_("Up to 5, separated by commas."),
    )
    images = MultipleImageField(
        label=_("Images"),
        required=False,
        help_text=_("Up to 3 JPEG, PNG or WebP images. Location data in photos is removed."),
    )

    class Meta:
        model = Idea
        fields = ["title", "summary", "description", "problems", "category", "team_name"]
        widgets = {
            "summary": forms.Textarea(attrs={"rows": 3, "maxlength": SUMMARY_MAX}),
            "description": forms.Textarea(attrs={"rows": 10, "maxlength": DESCRIPTION_MAX}),
            "problems": forms.CheckboxSelectMultiple,
        }

    def __init__(self, *args, problems_queryset, author=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.author = author
        self.fields["problems"].queryset = problems_queryset
        self.fields["problems"].help_text = _("Choose at least one problem this idea solves.")
        self.fields["problems"].error_messages["required"] = _(
            "Choose at least one problem this idea solves."
        )
        self.fields["category"].required = False
        self.fields["category"].help_text = _(
            "Leave empty to use the category of the first problem."
        )
        self.fields["title"].widget.attrs.update({"minlength": 5, "maxlength": 120})

    def clean_title(self):
        return self.cleaned_data["title"].strip()

    def clean_tags(self):
        tags = [tag.strip() for tag in self.cleaned_data["tags"].split(",") if tag.strip()]
        if len(tags) > MAX_TAGS:
            raise forms.ValidationError(_("Use at most 5 tags."))
        if any(len(tag) > 40 for tag in tags):
            raise forms.ValidationError(_("Each tag must be at most 40 characters."))
        return tags


SORT_CHOICES = [
    ("", _("Default order")),
    ("newest", _("Newest")),
    ("oldest", _("Oldest")),
    ("comments", _("Most comments")),
    ("votes", _("Most votes")),
]


class IdeaFilterForm(CleanTextForm):
    """GET filters for the idea list. Invalid values are ignored rather than failing the page."""

    problem = IdField(label=_("Problem"), required=False, widget=forms.HiddenInput)
    q = forms.CharField(label=_("Search"), required=False, max_length=100)
    category = forms.ChoiceField(label=_("Category"), required=False)
    status = forms.ChoiceField(
        label=_("Status"), required=False, choices=[("", _("Any status")), *IdeaStatus.choices]
    )
    tag = forms.CharField(label=_("Tag"), required=False, max_length=100)
    sort = forms.ChoiceField(label=_("Sort by"), required=False, choices=SORT_CHOICES)

    def __init__(self, *args, categories, can_sort_by_votes, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["category"].choices = [("", _("Any category"))] + [
            (category.slug, category.localized_name) for category in categories
        ]
        if not can_sort_by_votes:
            self.fields["sort"].choices = [c for c in SORT_CHOICES if c[0] != "votes"]

"""Form-side input hygiene: every text field of a citizen-facing form refuses NUL bytes and
XML-illegal control characters with a translated message beside the field, so nothing typed is
lost. Every form in the project inherits `CleanTextMixin` (tests/core/test_params.py checks)."""

from django import forms
from django.core.exceptions import ValidationError

from .params import ILLEGAL_CHARACTERS_MESSAGE, has_illegal_characters


def validate_no_control_characters(value):
    if isinstance(value, str) and has_illegal_characters(value):
        raise ValidationError(ILLEGAL_CHARACTERS_MESSAGE, code="control_characters")


class CleanTextMixin:
    """Adds `validate_no_control_characters` to every text field (CharField and subclasses:
    email, slug, URL ...) of the form."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            if (
                isinstance(field, forms.CharField)
                and validate_no_control_characters not in field.validators
            ):
                field.validators.append(validate_no_control_characters)


class CleanTextForm(CleanTextMixin, forms.Form):
    """Base of every project form."""


class CleanTextModelForm(CleanTextMixin, forms.ModelForm):
    """Base of every project model form."""

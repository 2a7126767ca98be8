"""Form-side input hygiene: every text field of a citizen-facing form refuses NUL bytes and
XML-illegal control characters with a translated message beside the field, so nothing typed is
lost. Every form in the project inherits `CleanTextMixin` (tests/core/test_params.py checks)."""

from django import forms
from django.core.exceptions import ValidationError
from django.db import models

from .params import ID_MAX, ILLEGAL_CHARACTERS_MESSAGE, has_illegal_characters


def validate_no_control_characters(value):
    if isinstance(value, str) and has_illegal_characters(value):
        raise ValidationError(ILLEGAL_CHARACTERS_MESSAGE, code="control_characters")


class IdField(forms.IntegerField):
    """A database id in a form or filter: a whole number from 1 to ID_MAX."""

    def __init__(self, **kwargs):
        kwargs.setdefault("min_value", 1)
        kwargs.setdefault("max_value", ID_MAX)
        super().__init__(**kwargs)


def _out_of_range(value):
    values = value if isinstance(value, list | tuple) else [value]
    return any(
        isinstance(v, str) and v.strip().isdigit() and int(v.strip()) > ID_MAX for v in values
    )


def _looks_up_integer_ids(field):
    """Model choices by integer primary key (not by a code or slug: a 10-digit dong code is
    a valid value there)."""
    if field.to_field_name:
        return False
    return isinstance(field.queryset.model._meta.pk, models.AutoField | models.IntegerField)


def _bounded_choice_clean(field):
    """A model choice field's clean() that answers "not a valid choice" for ids no database
    column holds (SQLite raises OverflowError on them), instead of querying."""
    clean = field.clean

    def bounded(value):
        if _out_of_range(value):
            raise ValidationError(field.error_messages["invalid_choice"], code="invalid_choice")
        return clean(value)

    return bounded


class CleanTextMixin:
    """Adds `validate_no_control_characters` to every text field (CharField and subclasses:
    email, slug, URL ...) of the form, and bounds the ids model choice fields look up."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            if (
                isinstance(field, forms.CharField)
                and validate_no_control_characters not in field.validators
            ):
                field.validators.append(validate_no_control_characters)
            if isinstance(field, forms.ModelChoiceField) and _looks_up_integer_ids(field):
                field.clean = _bounded_choice_clean(field)


class CleanTextForm(CleanTextMixin, forms.Form):
    """Base of every project form."""


class CleanTextModelForm(CleanTextMixin, forms.ModelForm):
    """Base of every project model form."""

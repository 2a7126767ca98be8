"""Forms: reporting and appealing (public), the personal-data warning mixin other apps' forms use,
and the moderators' action forms in the Wagtail admin."""

from django import forms
from django.utils.translation import gettext_lazy as _

from soslab.core.forms import CleanTextForm

from .models import HideReason, ReportReason
from .pii import find_personal_data
from .reports import REPORT_TEXT_MAX


class ReportForm(CleanTextForm):
    reason = forms.ChoiceField(
        label=_("What is wrong?"), choices=ReportReason.choices, widget=forms.RadioSelect
    )
    text = forms.CharField(
        label=_("Details"),
        required=False,
        max_length=REPORT_TEXT_MAX,
        widget=forms.Textarea(attrs={"rows": 5, "maxlength": REPORT_TEXT_MAX}),
        help_text=_("Optional, up to 1,000 characters. Required when you choose “Other”."),
    )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("reason") == ReportReason.OTHER and not cleaned.get("text", "").strip():
            self.add_error("text", _("Please say what is wrong when you choose “Other”."))
        return cleaned


class AppealForm(CleanTextForm):
    text = forms.CharField(
        label=_("Why should this be reconsidered?"),
        max_length=REPORT_TEXT_MAX,
        widget=forms.Textarea(attrs={"rows": 6, "maxlength": REPORT_TEXT_MAX}),
        help_text=_("You can appeal each decision once. A moderator who did not decide reads it."),
    )


class PersonalDataCheckMixin:
    """Warn before publishing text that contains Korean personal data.

    Add to a form and list the fields to check in `personal_data_fields`. On the first submit with
    personal data the form is invalid: it keeps everything typed, names what was found and shows a
    "publish anyway" checkbox. If the author ticks it, the form is valid; the posting service
    then flags the saved item for moderator review (soslab.moderation.screening).
    """

    personal_data_fields: tuple = ()
    personal_data_confirm_field = "publish_with_personal_data"

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.personal_data_findings = []
        self.fields[self.personal_data_confirm_field] = forms.BooleanField(
            label=_("I have checked: publish it anyway (a moderator will review it)"),
            required=False,
            widget=forms.HiddenInput,
        )

    def clean(self):
        cleaned = super().clean()
        findings = []
        for name in self.personal_data_fields:
            for finding in find_personal_data(cleaned.get(name) or ""):
                findings.append((name, finding))
        self.personal_data_findings = findings
        if findings and not cleaned.get(self.personal_data_confirm_field):
            confirm = self.fields[self.personal_data_confirm_field]
            confirm.widget = forms.CheckboxInput()
            for name, finding in findings:
                self.add_error(
                    name,
                    _(
                        "This looks like a %(kind)s: “%(value)s”. Other people will see it. "
                        "Please remove it unless it is meant to be public."
                    )
                    % {"kind": finding.label, "value": finding.value},
                )
        return cleaned


# --- Admin (moderators) -----------------------------------------------------------------------


class HideForm(CleanTextForm):
    reason_template = forms.ModelChoiceField(
        label=_("Reason"),
        queryset=HideReason.objects.all(),
        required=False,
        empty_label=_("(write your own below)"),
    )
    reason_text = forms.CharField(
        label=_("Message to the author"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("reason_template") and not (cleaned.get("reason_text") or "").strip():
            raise forms.ValidationError(_("Choose a reason or write one: the author is told why."))
        return cleaned


class ReasonForm(CleanTextForm):
    reason_text = forms.CharField(
        label=_("Note (shown to the author where they are told)"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class RequiredReasonForm(CleanTextForm):
    reason_text = forms.CharField(
        label=_("Reason (shown to the author)"),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class BlockForm(CleanTextForm):
    DURATIONS = [
        (1, _("1 day")),
        (7, _("7 days")),
        (30, _("30 days")),
        (90, _("90 days")),
        (365, _("1 year")),
        (3650, _("Indefinitely (10 years)")),
    ]
    days = forms.TypedChoiceField(label=_("Duration"), choices=DURATIONS, coerce=int, initial=7)
    reason = forms.CharField(
        label=_("Reason (shown to the person)"),
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class EditForm(CleanTextForm):
    """Built from the registry's text fields of the item being edited."""

    def __init__(self, *args, target, field_names, **kwargs):
        super().__init__(*args, **kwargs)
        model_fields = {field.name: field for field in target._meta.get_fields()}
        for name in field_names:
            model_field = model_fields[name]
            self.fields[name] = forms.CharField(
                label=model_field.verbose_name,
                initial=getattr(target, name) or "",
                required=not model_field.blank,
                max_length=getattr(model_field, "max_length", None),
                widget=forms.Textarea(attrs={"rows": 6})
                if model_field.get_internal_type() == "TextField"
                else forms.TextInput,
            )
        self.fields["reason_text"] = forms.CharField(
            label=_("Why (shown to the author)"),
            max_length=1000,
            widget=forms.Textarea(attrs={"rows": 2}),
        )

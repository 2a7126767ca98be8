from django import forms
from django.utils.translation import gettext_lazy as _

from soslab.core.forms import CleanTextForm

from .models import ConsentMethod, TeamRole


class JoinRequestForm(CleanTextForm):
    message = forms.CharField(
        label=_("Message to the leader"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Optional: why you would like to join and what you can do."),
    )


class InvitationForm(CleanTextForm):
    role = forms.ChoiceField(
        label=_("Role"),
        choices=[
            (TeamRole.MEMBER, TeamRole.MEMBER.label),
            (TeamRole.MENTOR, TeamRole.MENTOR.label),
        ],
        initial=TeamRole.MEMBER,
    )
    company_name = forms.CharField(
        label=_("Company"),
        required=False,
        max_length=100,
        help_text=_("For mentors: the local company they come from."),
    )
    days = forms.IntegerField(label=_("Valid for (days)"), min_value=1, max_value=30, initial=7)

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("role") == TeamRole.MENTOR and not cleaned.get("company_name", "").strip():
            self.add_error("company_name", _("Enter the mentor's company."))
        return cleaned


class ProjectStartForm(CleanTextForm):
    title = forms.CharField(label=_("Project title"), max_length=120)
    summary = forms.CharField(
        label=_("Summary"),
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Two or three sentences; you can change it later."),
    )


class GuardianConsentForm(CleanTextForm):
    guardian_name = forms.CharField(label=_("Guardian name"), max_length=60)
    guardian_contact = forms.CharField(
        label=_("Guardian contact"),
        max_length=120,
        help_text=_("Phone number or email address."),
    )
    method = forms.ChoiceField(label=_("How consent was given"), choices=ConsentMethod.choices)
    given_at = forms.DateTimeField(
        label=_("When consent was given"),
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}),
    )
    note = forms.CharField(label=_("Note"), required=False, max_length=300)

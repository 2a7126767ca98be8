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


class GuardianAnswerForm(CleanTextForm):
    """A guardian's answer through the emailed link."""

    CONSENT = "consent"
    REFUSE = "refuse"

    guardian_name = forms.CharField(label=_("Your name"), max_length=60)
    relationship = forms.CharField(
        label=_("Your relationship to the child"),
        max_length=40,
        help_text=_("For example: mother, father, legal guardian."),
    )
    decision = forms.ChoiceField(
        label=_("Your decision"),
        choices=[
            (CONSENT, _("I am the child's legal guardian and I consent.")),
            (REFUSE, _("I do not consent.")),
        ],
        widget=forms.RadioSelect,
    )


class GuardianEmailForm(CleanTextForm):
    """A member under 14 gives their guardian's email so the platform can ask for consent."""

    guardian_email = forms.EmailField(
        label=_("Your parent or guardian's email address"),
        help_text=_("We email them a link to read what we collect and give or refuse consent."),
    )

from django import forms
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from soslab.core.forms import CleanTextForm, CleanTextModelForm

from .models import AgeBand, User
from .services import policy_accept


def policy_consent_label(text):
    """A consent label followed by links to the privacy policy and the terms (new tabs are
    avoided: the links open in place, the form keeps nothing secret)."""
    return format_html(
        '{} (<a href="{}">{}</a>, <a href="{}">{}</a>)',
        text,
        "/privacy/",
        _("privacy policy"),
        "/terms/",
        _("terms of use"),
    )


class SignupForm(CleanTextForm):
    """Extra sign-up fields, plugged into allauth through ACCOUNT_SIGNUP_FORM_CLASS."""

    display_name = forms.CharField(
        label=_("Display name"),
        max_length=40,
        help_text=_("Shown publicly next to what you post."),
    )
    age_band = forms.ChoiceField(
        label=_("Age"),
        choices=AgeBand.choices,
        widget=forms.RadioSelect,
        help_text=_(
            "Members under 14 need a parent or guardian's consent before they can publish."
        ),
    )
    accept_privacy = forms.BooleanField(
        label=_("I have read and accept the privacy policy and the terms of use."),
        required=True,
        error_messages={"required": _("Please accept the privacy notice to create an account.")},
    )
    # Honeypot: hidden from people, filled by naive bots.
    website = forms.CharField(
        required=False,
        label=_("Leave this empty"),
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )

    field_order = ["email", "display_name", "age_band", "password1", "password2", "accept_privacy"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # The label links to the texts it asks people to accept (escaped parts, our own markup).
        self.fields["accept_privacy"].label = policy_consent_label(
            _("I have read and accept the privacy policy and the terms of use.")
        )

    def clean_website(self):
        if self.cleaned_data.get("website"):
            raise forms.ValidationError(_("This field must be left empty."))
        return ""

    def signup(self, request, user):
        user.display_name = self.cleaned_data["display_name"]
        user.age_band = self.cleaned_data["age_band"]
        user.privacy_accepted_at = timezone.now()
        if not user.username:
            user.username = user.email
        user.save()
        policy_accept(user=user)  # the version in force, kept in the consent history


class ProfileForm(CleanTextModelForm):
    class Meta:
        model = User
        fields = ["display_name", "email_frequency", "activity_hidden"]
        widgets = {"email_frequency": forms.RadioSelect}


class PolicyConsentForm(CleanTextForm):
    """Accept the privacy policy in force (asked again when staff publish a new version)."""

    accept = forms.BooleanField(
        label=_("I have read and accept the privacy policy."),
        required=True,
        error_messages={"required": _("Please tick the box to accept the privacy policy.")},
    )

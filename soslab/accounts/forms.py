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
    """Extra sign-up fields of the account. The form allauth uses (ACCOUNT_SIGNUP_FORM_CLASS) is
    soslab.people.forms.SignupForm, which adds what sign-up asks of the teams app."""

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
    guardian_email = forms.EmailField(
        label=_("Parent or guardian's email (only if you are under 14)"),
        required=False,
        help_text=_(
            "We email your parent or guardian a link to read what we collect and give consent."
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

    field_order = [
        "email",
        "display_name",
        "age_band",
        "guardian_email",
        "password1",
        "password2",
        "accept_privacy",
    ]

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

    def clean(self):
        cleaned = super().clean()
        under_14 = cleaned.get("age_band") == AgeBand.UNDER_14
        guardian = (cleaned.get("guardian_email") or "").strip().lower()
        if under_14 and not guardian:
            self.add_error(
                "guardian_email",
                _("Members under 14 need a parent or guardian's email address."),
            )
        elif under_14 and guardian == (cleaned.get("email") or "").strip().lower():
            self.add_error(
                "guardian_email",
                _("Please give your parent or guardian's own email address, not yours."),
            )
        return cleaned

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
        fields = ["display_name", "email_frequency", "preferred_language", "activity_hidden"]
        widgets = {"email_frequency": forms.RadioSelect, "preferred_language": forms.RadioSelect}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Left out of a submission, the language stays as it is (profile_update ignores "").
        self.fields["preferred_language"].required = False


class PolicyConsentForm(CleanTextForm):
    """Accept the privacy policy in force (asked again when staff publish a new version)."""

    accept = forms.BooleanField(
        label=_("I have read and accept the privacy policy."),
        required=True,
        error_messages={"required": _("Please tick the box to accept the privacy policy.")},
    )


class AccountDeleteForm(CleanTextForm):
    """Deleting one's own account: the password again, and what to do with public posts."""

    KEEP = "keep"
    DELETE = "delete"

    password = forms.CharField(
        label=_("Your password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )
    contributions = forms.ChoiceField(
        label=_("Your public problems, ideas and comments"),
        choices=[
            (DELETE, _("Delete them")),
            (KEEP, _("Keep them, shown as written by “Former member”")),
        ],
        initial=DELETE,
        widget=forms.RadioSelect,
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        if user.is_minor:
            # Minors' contributions are always deleted (services.contributions_always_deleted).
            del self.fields["contributions"]

    def clean_password(self):
        password = self.cleaned_data.get("password") or ""
        if not self.user.check_password(password):
            raise forms.ValidationError(_("This is not your password."))
        return password

    @property
    def keep_contributions(self):
        return self.cleaned_data.get("contributions") == self.KEEP


class StaffAccountDeleteForm(CleanTextForm):
    """Staff deleting an account on the person's request."""

    contributions = AccountDeleteForm.base_fields["contributions"]
    confirm = forms.BooleanField(
        label=_("The person asked for this deletion and I checked it was them."), required=True
    )

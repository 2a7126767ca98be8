from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from soslab.core.forms import CleanTextForm, CleanTextModelForm

from .models import AgeBand, User


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
        label=_("I have read and accept the privacy notice."),
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


class ProfileForm(CleanTextModelForm):
    class Meta:
        model = User
        fields = ["display_name", "email_frequency"]
        widgets = {"email_frequency": forms.RadioSelect}


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

"""The sign-up form allauth uses (ACCOUNT_SIGNUP_FORM_CLASS). It lives here, above the domain
apps, because signing up crosses two of them: the account (soslab.accounts) and, for members
under 14, the guardian's consent request (soslab.teams)."""

from soslab.accounts.forms import SignupForm as AccountSignupForm
from soslab.teams.services import guardian_consent_request


class SignupForm(AccountSignupForm):
    def signup(self, request, user):
        super().signup(request, user)
        if user.needs_guardian_consent and self.cleaned_data.get("guardian_email"):
            guardian_consent_request(child=user, guardian_email=self.cleaned_data["guardian_email"])

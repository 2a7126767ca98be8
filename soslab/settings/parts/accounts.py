"""Settings: Authentication, allauth and the sign-up form. Included by soslab.settings.base."""


# --- Accounts -------------------------------------------------------------------------------

AUTH_USER_MODEL = "accounts.User"
# ModelBackend first: Django's force_login (and Wagtail's test utilities) log in through the first
# backend, which must be able to load a user (rules' backend answers permissions only).
AUTHENTICATION_BACKENDS = [
    # Django's and allauth's backends, each loading the signed-in user with the facts every
    # page's header needs in the same query (soslab.accounts.request_user).
    "soslab.accounts.request_user.ModelBackend",
    "soslab.accounts.request_user.AuthenticationBackend",
    "rules.permissions.ObjectPermissionBackend",
]
# Sessions in the database, read through the cache (Redis in production): a signed-in page
# view reads no session row. Ending sessions goes through SessionStore.delete(), which drops both
# (soslab.accounts.services._sessions_end).
SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "/"
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_SIGNUP_FORM_CLASS = "soslab.people.forms.SignupForm"
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
# People may sign in before verifying, and read; every posting view checks verification
# (soslab.accounts.permissions.posting_refusal).
ACCOUNT_EMAIL_VERIFICATION = "optional"
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[SOS랩 전주] "
ACCOUNT_RATE_LIMITS = {
    "login_failed": "10/m/ip,5/5m/key",
    "confirm_email": "1/3m/key",
    "reset_password": "20/m/ip,5/5m/key",
}

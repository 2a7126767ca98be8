from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "soslab.accounts"
    label = "accounts"
    verbose_name = _("Accounts")

    def ready(self):
        from django.contrib.auth import get_user_model
        from django.urls import reverse
        from django.utils.module_loading import autodiscover_modules

        from soslab.core import targets

        from . import signals  # noqa: F401  (the sign-in notice about a new policy version)

        User = get_user_model()
        # People can be reported (and nothing else); their public page is /people/<id>/.
        targets.register(
            User,
            purposes={targets.REPORT},
            visible_to=lambda user: User.objects.filter(is_active=True),
            url=lambda person: reverse("people:profile", args=[person.pk]),
        )
        # Each app's `personal_data` module registers how it exports and erases a person's data
        # (soslab.accounts.personal_data); accounts never imports those apps.
        autodiscover_modules("personal_data")

"""Factories shared by every test module. App-specific factories live beside their tests."""

import factory
from allauth.account.models import EmailAddress

from soslab.accounts.models import AgeBand, User
from soslab.moderation.roles import moderators_group


class UserFactory(factory.django.DjangoModelFactory):
    """A verified adult citizen (the common case). Use `verified=False` for an unverified one."""

    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"person{n}@example.kr")
    username = factory.LazyAttribute(lambda o: o.email)
    display_name = factory.Sequence(lambda n: f"주민{n}")
    age_band = AgeBand.ADULT
    password = factory.django.Password("correct-horse-battery")

    @factory.post_generation
    def verified(self, create, extracted, **kwargs):
        if not create:
            return
        EmailAddress.objects.create(
            user=self, email=self.email, primary=True, verified=extracted is not False
        )


class StaffFactory(UserFactory):
    is_staff = True
    is_superuser = True
    display_name = factory.Sequence(lambda n: f"운영팀{n}")


class ModeratorFactory(UserFactory):
    display_name = factory.Sequence(lambda n: f"모더레이터{n}")

    @factory.post_generation
    def moderator_group(self, create, extracted, **kwargs):
        if create:
            self.groups.add(moderators_group())

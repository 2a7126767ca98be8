"""accounts.delete_account: staff who hold Django's "delete user" permission, nobody else."""

import pytest
from django.contrib.auth.models import AnonymousUser, Permission

from tests.factories import ModeratorFactory, StaffFactory, UserFactory

pytestmark = pytest.mark.django_db


def _staff_with_delete_permission():
    person = UserFactory(is_staff=True)
    person.user_permissions.add(Permission.objects.get(codename="delete_user"))
    return person


@pytest.mark.parametrize(
    ("make", "allowed"),
    [
        (AnonymousUser, False),
        (UserFactory, False),
        (ModeratorFactory, False),
        (lambda: UserFactory(is_staff=True), False),
        (_staff_with_delete_permission, True),
        (StaffFactory, True),  # superuser
        (lambda: UserFactory(is_superuser=True, is_active=False), False),
    ],
)
def test_who_may_delete_an_account_on_request(make, allowed):
    assert make().has_perm("accounts.delete_account") is allowed

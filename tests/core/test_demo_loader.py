import pytest
from django.apps import apps
from django.core.management import call_command


def _row_counts():
    return {model._meta.label: model._default_manager.count() for model in apps.get_models()}


@pytest.mark.django_db
def test_demo_loader_twice_gives_the_same_counts(settings):
    settings.SOSLAB_DEMO_ACCOUNTS = True
    call_command("load_demo_data", stdout=open("/dev/null", "w"))  # noqa: SIM115
    first = _row_counts()
    call_command("load_demo_data", stdout=open("/dev/null", "w"))  # noqa: SIM115
    second = _row_counts()
    changed = {
        label: (first[label], second[label]) for label in first if first[label] != second[label]
    }
    assert changed == {}
    assert first["geo.Dong"] == 35
    assert first["cms.HomePage"] == 1


@pytest.mark.django_db
def test_demo_loader_creates_no_demo_accounts_when_they_are_off(settings):
    settings.SOSLAB_DEMO_ACCOUNTS = False
    call_command("load_demo_data", stdout=open("/dev/null", "w"))  # noqa: SIM115
    from soslab.accounts.models import User

    assert not User.objects.filter(email__endswith="@soslab.local").exists()


@pytest.mark.django_db
def test_reference_data_loader_is_idempotent_and_creates_no_demo_content():
    from geo.models import Dong
    from soslab.accounts.models import User

    call_command("load_reference_data", stdout=open("/dev/null", "w"))  # noqa: SIM115
    call_command("load_reference_data", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert Dong.objects.count() == 35
    assert User.objects.count() == 0

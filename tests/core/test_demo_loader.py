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


def _load_reference_data():
    call_command("load_reference_data", stdout=open("/dev/null", "w"))  # noqa: SIM115


@pytest.mark.django_db
def test_reference_data_loader_twice_changes_no_row_count():
    _load_reference_data()
    first = _row_counts()
    _load_reference_data()
    assert _row_counts() == first


@pytest.mark.django_db
def test_reference_data_loader_creates_no_people_and_no_demo_content():
    from cms.models import ProjectPage, ResultsEventPage, RoundPage
    from soslab.problems.models import Problem

    _load_reference_data()
    counts = _row_counts()
    assert counts["accounts.User"] == 0
    assert Problem.objects.count() == RoundPage.objects.count() == 0
    assert ProjectPage.objects.count() == ResultsEventPage.objects.count() == 0
    assert counts["geo.Dong"] == 35


@pytest.mark.django_db
def test_reference_data_makes_the_platform_home_the_site_root(client):
    from wagtail.models import Page, Site

    from cms.models import HomePage, ProjectIndexPage, ResultsIndexPage, RoundIndexPage

    _load_reference_data()
    home = HomePage.objects.get()
    assert Site.objects.get(is_default_site=True).root_page_id == home.pk
    assert not Page.objects.filter(title__startswith="Welcome to your new Wagtail site").exists()
    for model in (RoundIndexPage, ProjectIndexPage, ResultsIndexPage):
        assert model.objects.child_of(home).live().count() == 1
    response = client.get("/")
    assert response.status_code == 200
    assert home.hero_title in response.content.decode()
    assert home.hero_title_en
    for path in ("/rounds/", "/projects/", "/results/"):
        assert client.get(path).status_code == 200, path


@pytest.mark.django_db
def test_reference_data_gives_bilingual_categories_for_the_report_form(client, citizen):
    from soslab.accounts.services import policy_accept
    from soslab.moderation.models import HideReason
    from soslab.problems.models import Category

    _load_reference_data()
    assert Category.objects.count() == 5
    assert not Category.objects.filter(name_en="").exists()
    assert HideReason.objects.exists()
    # The reference data publishes the first privacy policy version: posting needs it accepted.
    policy_accept(user=citizen)
    client.force_login(citizen)
    response = client.get("/problems/new/")
    assert response.status_code == 200
    assert "교통" in response.content.decode()


@pytest.mark.django_db
def test_reference_data_keeps_staff_edits_to_categories():
    from soslab.problems.models import Category

    _load_reference_data()
    Category.objects.filter(slug="traffic").update(name="교통·주차")
    _load_reference_data()
    assert Category.objects.get(slug="traffic").name == "교통·주차"

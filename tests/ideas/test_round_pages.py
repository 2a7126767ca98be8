import pytest
from wagtail.models import Site

from cms.editorial.home import home_sections
from soslab.ideas.phases import Phase
from tests.ideas.factories import IdeaFactory, make_round


@pytest.mark.django_db
def test_round_index_lists_rounds_by_phase(client):
    running = make_round(Phase.VOTING, title="2026 봄 라운드")
    finished = make_round(Phase.RESULTS, title="2025 가을 라운드")
    response = client.get("/rounds/")
    assert response.status_code == 200
    html = response.content.decode()
    assert running.title in html and finished.title in html
    assert response.context["current_rounds"] == [running]
    assert response.context["past_rounds"] == [finished]


@pytest.mark.django_db
def test_round_page_shows_timeline_countdown_and_what_to_do(client):
    page = make_round(Phase.VOTING, vote_budget=3)
    assert page.url == f"/rounds/{page.slug}/"
    response = client.get(page.url)
    assert response.status_code == 200
    html = response.content.decode()
    assert 'aria-current="step"' in html
    assert "data-countdown=" in html
    assert str(page.what_you_can_do) in html
    assert f"{page.url}ideas/" in html


@pytest.mark.django_db
def test_round_page_in_idea_phase_invites_proposals(client):
    page = make_round(Phase.IDEAS)
    html = client.get(page.url).content.decode()
    assert f"{page.url}ideas/new/" in html


@pytest.mark.django_db
def test_home_section_shows_the_voting_round(rf, django_user_model):
    make_round(Phase.RESULTS)
    voting = make_round(Phase.VOTING)
    request = rf.get("/")
    request.user = django_user_model()
    request.site = Site.objects.get(is_default_site=True)
    sections = [s for s in home_sections(request) if s["template"] == "ideas/home_section.html"]
    assert sections and sections[0]["round"] == voting


@pytest.mark.django_db
def test_home_page_renders_the_round_section(client):
    page = make_round(Phase.VOTING)
    IdeaFactory(round=page)
    html = client.get("/").content.decode()
    assert page.title in html
    assert f"{page.url}ideas/" in html

"""sitemap.xml: an index of sections, each listing only what anyone may see, paginated."""

import re

import pytest
from wagtail.models import PageViewRestriction

from soslab.discovery import sitemaps
from soslab.moderation.models import ModerationState
from tests.ideas.factories import IdeaFactory, make_round
from tests.problems.factories import ProblemFactory
from tests.teams.factories import make_project, make_team, project_index

PUBLISHED, PENDING, HIDDEN = (
    ModerationState.PUBLISHED,
    ModerationState.PENDING,
    ModerationState.HIDDEN,
)


def _locs(response):
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    return re.findall(r"<loc>([^<]+)</loc>", response.content.decode())


@pytest.mark.django_db
def test_index_names_every_section_on_the_site_url(client):
    locs = _locs(client.get("/sitemap.xml"))
    assert locs == [
        f"https://sos.example.kr/sitemap-{section}.xml"
        for section in ("pages", "views", "projects", "problems", "ideas")
    ]


@pytest.mark.django_db
def test_views_section_lists_the_public_django_views(client):
    locs = _locs(client.get("/sitemap-views.xml"))
    assert locs == [
        "https://sos.example.kr/problems/",
        "https://sos.example.kr/map/dongs/",
        "https://sos.example.kr/statistics/",
    ]


@pytest.mark.django_db
def test_problems_section_lists_public_problems_only(client):
    public = ProblemFactory(moderation_state=PUBLISHED)
    pending = ProblemFactory(moderation_state=PENDING)
    hidden = ProblemFactory(moderation_state=HIDDEN)
    body = client.get("/sitemap-problems.xml").content.decode()
    assert f"<loc>https://sos.example.kr/problems/{public.pk}/</loc>" in body
    assert f"/problems/{pending.pk}/<" not in body
    assert f"/problems/{hidden.pk}/<" not in body
    assert "<lastmod>" in body


@pytest.mark.django_db
def test_ideas_section_lists_public_ideas_of_live_public_rounds(client):
    shown = IdeaFactory()
    hidden = IdeaFactory(round=shown.round, moderation_state=HIDDEN)
    pending = IdeaFactory(round=shown.round, moderation_state=PENDING)
    private_round = make_round()
    PageViewRestriction.objects.create(page=private_round, restriction_type="login")
    in_private_round = IdeaFactory(round=private_round)
    draft_round = make_round()
    draft_round.unpublish()
    in_draft_round = IdeaFactory(round=draft_round)
    locs = _locs(client.get("/sitemap-ideas.xml"))
    assert locs == [f"https://sos.example.kr{shown.get_absolute_url()}"]
    for idea in (hidden, pending, in_private_round, in_draft_round):
        assert f"https://sos.example.kr{idea.get_absolute_url()}" not in locs


@pytest.mark.django_db
def test_pages_and_projects_sections_list_live_public_pages(client):
    team = make_team()
    live = make_project(team)
    draft = make_project(team, live=False)
    projects = _locs(client.get("/sitemap-projects.xml"))
    assert projects == [f"https://sos.example.kr{live.url}"]
    pages = _locs(client.get("/sitemap-pages.xml"))
    assert f"https://sos.example.kr{project_index().url}" in pages
    assert not any(live.url in loc or draft.url_path in loc for loc in pages)


@pytest.mark.django_db
def test_a_section_is_split_into_files_of_limit_urls(client, monkeypatch):
    monkeypatch.setattr(sitemaps.ProblemSitemap, "limit", 2)
    problems = [ProblemFactory(moderation_state=PUBLISHED) for _ in range(5)]
    index = _locs(client.get("/sitemap.xml"))
    base = "https://sos.example.kr/sitemap-problems.xml"
    assert [loc for loc in index if loc.startswith(base)] == [base, f"{base}?p=2", f"{base}?p=3"]
    listed = []
    for page in (1, 2, 3):
        listed += _locs(client.get("/sitemap-problems.xml", {"p": page}))
    assert listed == [f"https://sos.example.kr/problems/{p.pk}/" for p in problems]
    assert client.get("/sitemap-problems.xml", {"p": 4}).status_code == 404


@pytest.mark.django_db
@pytest.mark.parametrize("section", ["problems", "ideas", "pages", "projects"])
def test_a_sitemap_file_costs_the_same_queries_whatever_its_size(
    client, section, django_assert_max_num_queries
):
    team = make_team()
    idea = IdeaFactory()
    make_project(team)
    url = f"/sitemap-{section}.xml"
    client.get(url)  # warm the content type and site caches
    with django_assert_max_num_queries(6):
        client.get(url)
    for _ in range(8):
        ProblemFactory(moderation_state=PUBLISHED)
        IdeaFactory(round=idea.round)
        make_project(team)
    with django_assert_max_num_queries(6):
        assert client.get(url).status_code == 200

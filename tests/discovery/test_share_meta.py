"""Canonical links and OpenGraph/Twitter tags: on every page, with the object's own image on
problem and project pages, and nothing personal in them."""

import re

import pytest

from soslab.moderation.models import ModerationState
from tests.factories import UserFactory
from tests.problems.factories import ProblemFactory
from tests.teams.factories import make_event, make_project, make_team, project_index


def _meta(html):
    """{property or name: content} of the head's meta tags, plus the canonical link."""
    head = html.split("</head>", 1)[0]
    tags = dict(re.findall(r'<meta (?:property|name)="([^"]+)" content="([^"]*)"', head))
    canonical = re.findall(r'<link rel="canonical" href="([^"]+)"', head)
    tags["canonical"] = canonical[0] if len(canonical) == 1 else canonical
    return tags


@pytest.mark.django_db
def test_problem_page_describes_the_problem_without_personal_data(client):
    author = UserFactory(display_name="홍길동")
    problem = ProblemFactory(
        author=author,
        moderation_state=ModerationState.PUBLISHED,
        location_text="전북대 정문 앞 횡단보도 바로 옆 우리집",
        lat=35.846512,
        lon=127.129874,
    )
    html = client.get(f"/problems/{problem.pk}/?utm_source=kakao&fbclid=abc").content.decode()
    tags = _meta(html)
    url = f"https://sos.example.kr/problems/{problem.pk}/"
    assert tags["canonical"] == url
    assert tags["og:url"] == url
    assert tags["og:title"] == problem.title
    assert tags["og:type"] == "article"
    assert tags["og:site_name"] == "SOS랩 전주"
    assert tags["og:locale"] == "ko_KR"
    assert tags["og:locale:alternate"] == "en_US"
    assert tags["og:image"] == f"https://sos.example.kr/share/problem/{problem.pk}.png"
    assert tags["twitter:card"] == "summary_large_image"
    assert tags["twitter:image"] == tags["og:image"]
    assert problem.description[:20] in tags["og:description"]
    everything = " ".join(tags.values() if isinstance(tags, dict) else [])
    for personal in ("홍길동", "우리집", "35.8465", "127.1298"):
        assert personal not in str(everything)


@pytest.mark.django_db
def test_english_visitors_get_the_english_locale(client):
    problem = ProblemFactory(moderation_state=ModerationState.PUBLISHED)
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    tags = _meta(client.get(f"/problems/{problem.pk}/").content.decode())
    assert tags["og:locale"] == "en_US"
    assert tags["og:locale:alternate"] == "ko_KR"


@pytest.mark.django_db
def test_the_author_of_a_pending_problem_gets_no_problem_preview(client):
    problem = ProblemFactory(moderation_state=ModerationState.PENDING)
    client.force_login(problem.author)
    tags = _meta(client.get(f"/problems/{problem.pk}/").content.decode())
    assert tags["canonical"] == f"https://sos.example.kr/problems/{problem.pk}/"
    assert "/share/problem/" not in tags["og:image"]
    assert tags["og:title"] == "SOS랩 전주"


@pytest.mark.django_db
def test_project_page_has_its_share_image_and_no_member_names(client):
    member = UserFactory(display_name="김메이커")
    team = make_team(members=[member])
    project = make_project(team, summary="어린이 보호구역 횡단보도에 알림등을 설치합니다.")
    html = client.get(project.url).content.decode()
    tags = _meta(html)
    assert tags["canonical"] == f"https://sos.example.kr{project.url}"
    assert tags["og:title"] == project.title
    assert tags["og:description"] == "어린이 보호구역 횡단보도에 알림등을 설치합니다."
    assert tags["og:image"] == f"https://sos.example.kr/share/project/{project.pk}.png"
    assert "김메이커" not in " ".join(tags.values())
    assert 'class="share"' in html


@pytest.mark.django_db
def test_list_pages_keep_the_page_number_and_drop_everything_else(client):
    index = project_index()
    tags = _meta(
        client.get(index.url, {"page": "2", "status": "done", "utm_medium": "x"}).content.decode()
    )
    assert tags["canonical"] == f"https://sos.example.kr{index.url}?page=2"
    first = _meta(client.get(index.url, {"page": "1"}).content.decode())
    assert first["canonical"] == f"https://sos.example.kr{index.url}"
    assert first["og:image"] == "https://sos.example.kr/static/img/share-default.png"


@pytest.mark.django_db
def test_every_page_has_one_canonical_link_and_the_icons(client):
    problem = ProblemFactory(moderation_state=ModerationState.PUBLISHED)
    event = make_event()
    for url in (
        "/problems/",
        f"/problems/{problem.pk}/",
        event.url,
        "/accounts/login/",
        "/no-such-page/",
    ):
        html = client.get(url).content.decode()
        tags = _meta(html)
        assert tags["canonical"].startswith("https://sos.example.kr/"), url
        assert '<link rel="manifest" href="/manifest.webmanifest">' in html
        assert 'rel="icon"' in html and 'rel="apple-touch-icon"' in html


@pytest.mark.django_db
def test_share_button_works_without_javascript_and_announces_the_copy(client):
    problem = ProblemFactory(moderation_state=ModerationState.PUBLISHED)
    event = make_event()
    for url in (f"/problems/{problem.pk}/", event.url):
        html = client.get(url).content.decode()
        button = re.search(r'<div class="share".*?</div>', html, re.S).group(0)
        assert f'href="https://sos.example.kr{url}"' in button
        assert 'data-share-copied="링크를 복사했습니다."' in button
        assert 'role="status" aria-live="polite"' in button
        assert re.search(r'<script src="/static/js/share.js" nonce="[^"]+" defer>', html)

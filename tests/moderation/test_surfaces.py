"""Hidden means hidden everywhere: every public surface that exists excludes hidden and pending
items (lists, search, detail, feeds, maps, GeoJSON API, open-data downloads, comments, counts).

Content is hidden through the real paths: three distinct reports (auto-hide), a moderator's
hide, and pre-moderation of an under-14 member's post."""

import pytest
from django.urls import reverse

from soslab.accounts.models import AgeBand
from soslab.comments.services import comment_create
from soslab.moderation.models import HideReason, ReportReason
from soslab.moderation.reports import report_create
from soslab.moderation.services import content_hide, new_content_state
from tests.factories import UserFactory
from tests.problems.factories import ProblemFactory

pytestmark = pytest.mark.django_db

PUBLIC = "공개된문제입니다"
REPORTED = "신고누적숨김문제"
HIDDEN = "운영자숨김문제"
PENDING = "어린이승인대기문제"
HIDDEN_COMMENT = "숨겨진댓글본문입니다"


@pytest.fixture
def world(dongs, moderator, settings):
    settings.SOSLAB_PREMODERATE_FIRST_POSTS = 0
    public = ProblemFactory(title=PUBLIC)
    reported = ProblemFactory(title=REPORTED)
    for reporter in UserFactory.create_batch(3):
        report_create(reporter=reporter, target=reported, reason=ReportReason.SPAM)
    hidden = ProblemFactory(title=HIDDEN)
    reason = HideReason.objects.create(title="광고", text="광고성 게시물")
    content_hide(moderator=moderator, target=hidden, reason_template=reason)
    kid = UserFactory(age_band=AgeBand.UNDER_14)
    pending = ProblemFactory(
        title=PENDING,
        author=kid,
        moderation_state=new_content_state(author=kid),
    )
    comment = comment_create(author=UserFactory(), target=public, body=HIDDEN_COMMENT)
    content_hide(moderator=moderator, target=comment, reason_template=reason)
    for item in (reported, hidden, pending):
        item.refresh_from_db()
    assert reported.is_hidden and hidden.is_hidden and pending.is_pending
    return {"public": public, "reported": reported, "hidden": hidden, "pending": pending}


SURFACES = [
    "/problems/",
    "/problems/?q=문제",
    "/problems/feed/",
    "/map/",
    "/api/geo/problems.geojson",
    "/open-data/problems.csv",
    "/open-data/problems.geojson",
]


@pytest.mark.parametrize("url", SURFACES)
@pytest.mark.parametrize("viewer", ["anonymous", "citizen"])
def test_public_surfaces_exclude_hidden_and_pending(client, world, url, viewer):
    if viewer == "citizen":
        client.force_login(UserFactory())
    response = client.get(url)
    assert response.status_code == 200, url
    raw = b"".join(response.streaming_content) if response.streaming else response.content
    body = raw.decode()
    for title in (REPORTED, HIDDEN, PENDING):
        assert title not in body, (url, title)
    if url != "/map/":  # the map page draws points from the API in the browser
        assert PUBLIC in body or str(world["public"].pk) in body, url


@pytest.mark.parametrize("key", ["reported", "hidden", "pending"])
def test_detail_page_shows_the_placeholder_to_others(client, world, key):
    client.force_login(UserFactory())
    response = client.get(world[key].get_absolute_url())
    body = response.content.decode()
    assert world[key].title not in body
    assert "검토 중인 게시물입니다" in body


def test_author_still_sees_their_hidden_problem(client, world):
    hidden = world["hidden"]
    client.force_login(hidden.author)
    body = client.get(hidden.get_absolute_url()).content.decode()
    assert HIDDEN in body


def test_hidden_comment_is_replaced_by_the_placeholder(client, world):
    client.force_login(UserFactory())
    body = client.get(world["public"].get_absolute_url()).content.decode()
    assert HIDDEN_COMMENT not in body
    assert "검토 중인 게시물입니다" in body


def test_public_counts_exclude_hidden_and_pending(client, world):
    response = client.get("/api/geo/dongs.geojson")
    assert response.status_code == 200
    total = sum(
        feature["properties"].get("problem_count", 0) or 0
        for feature in response.json()["features"]
    )
    assert total <= 1  # only the public problem can be counted


def test_report_link_is_on_the_problem_page(client, world):
    client.force_login(UserFactory())
    body = client.get(world["public"].get_absolute_url()).content.decode()
    assert reverse("moderation:report", args=["problems.problem", world["public"].pk]) in body


def test_report_link_is_on_comments_of_others(client, world):
    comment = comment_create(
        author=UserFactory(), target=world["public"], body="좋은 의견입니다 정말로"
    )
    client.force_login(UserFactory())
    body = client.get(world["public"].get_absolute_url()).content.decode()
    assert reverse("moderation:report", args=["comments.comment", comment.pk]) in body


def test_reporting_a_problem_through_the_page_works(client, world):
    client.force_login(UserFactory())
    url = reverse("moderation:report", args=["problems.problem", world["public"].pk])
    response = client.post(url, {"reason": "off_topic", "next": world["public"].get_absolute_url()})
    assert response.status_code == 302
    assert response["Location"] == world["public"].get_absolute_url()


def test_reported_idea_disappears_from_its_round_and_the_detail_has_a_report_link(client, dongs):
    from soslab.ideas.phases import Phase
    from tests.ideas.factories import IdeaFactory, make_round

    page = make_round(Phase.IDEAS)
    kept = IdeaFactory(round=page, title="공개아이디어제목")
    reported = IdeaFactory(round=page, title="신고누적아이디어")
    for reporter in UserFactory.create_batch(3):
        report_create(reporter=reporter, target=reported, reason=ReportReason.OFF_TOPIC)
    reported.refresh_from_db()
    assert reported.is_hidden
    client.force_login(UserFactory())
    listing = client.get(f"{page.url}ideas/").content.decode()
    assert "공개아이디어제목" in listing and "신고누적아이디어" not in listing
    detail = client.get(f"{page.url}ideas/{kept.pk}/").content.decode()
    assert reverse("moderation:report", args=["ideas.idea", kept.pk]) in detail

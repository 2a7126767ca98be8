"""Public profiles (/people/<id>/): who sees what, role x age; hidden and pending content never
appears; the report button; author names link here; constant query counts."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.urls import reverse

from soslab.accounts.models import AgeBand
from soslab.comments.services import comment_create
from soslab.moderation.models import ModerationState
from soslab.people.activity import activity_visible
from soslab.teams.services import team_create
from tests.factories import ModeratorFactory, StaffFactory, UserFactory
from tests.ideas.factories import IdeaFactory, make_round
from tests.problems.factories import ProblemFactory


def url(person, **params):
    query = "&".join(f"{key}={value}" for key, value in params.items())
    return reverse("people:profile", args=[person.pk]) + (f"?{query}" if query else "")


# viewer x age band x activity_hidden -> may the viewer see the activity list?
VISIBILITY = [
    ("anonymous", AgeBand.ADULT, False, True),
    ("anonymous", AgeBand.TEEN, False, False),
    ("anonymous", AgeBand.UNDER_14, False, False),
    ("anonymous", AgeBand.ADULT, True, False),
    ("citizen", AgeBand.ADULT, False, True),
    ("citizen", AgeBand.TEEN, False, True),
    ("citizen", AgeBand.UNDER_14, False, True),
    ("citizen", AgeBand.ADULT, True, False),
    ("citizen", AgeBand.TEEN, True, False),
    ("self", AgeBand.UNDER_14, True, True),
    ("self", AgeBand.ADULT, True, True),
    ("moderator", AgeBand.UNDER_14, True, True),
    ("staff", AgeBand.TEEN, True, True),
]


def _viewer(kind, person):
    return {
        "anonymous": lambda: AnonymousUser(),
        "citizen": UserFactory,
        "self": lambda: person,
        "moderator": ModeratorFactory,
        "staff": StaffFactory,
    }[kind]()


@pytest.mark.django_db
@pytest.mark.parametrize(("viewer", "band", "hidden", "expected"), VISIBILITY)
def test_who_sees_the_activity_list(viewer, band, hidden, expected):
    person = UserFactory(age_band=band, activity_hidden=hidden)
    assert activity_visible(person, _viewer(viewer, person)) is expected


@pytest.mark.django_db
@pytest.mark.parametrize("band", [AgeBand.TEEN, AgeBand.UNDER_14])
def test_anonymous_visitors_see_only_a_minors_display_name(client, band):
    person = UserFactory(age_band=band, display_name="메이커 하늘")
    ProblemFactory(author=person, title="학교 앞 횡단보도")
    html = client.get(url(person)).content.decode()
    assert "메이커 하늘" in html
    assert "학교 앞 횡단보도" not in html


@pytest.mark.django_db
def test_profile_shows_name_join_month_and_public_problems(client):
    person = UserFactory(display_name="전주시민 이수진")
    ProblemFactory(author=person, title="공개된 문제")
    response = client.get(url(person))
    html = response.content.decode()
    assert response.status_code == 200
    assert "전주시민 이수진" in html
    assert person.date_joined.strftime("%Y") in html
    assert "공개된 문제" in html


@pytest.mark.django_db
@pytest.mark.parametrize("state", [ModerationState.HIDDEN, ModerationState.PENDING])
def test_hidden_and_pending_problems_never_appear(client, citizen, state):
    person = UserFactory()
    ProblemFactory(author=person, title="숨긴 문제", moderation_state=state)
    client.force_login(citizen)
    assert "숨긴 문제" not in client.get(url(person)).content.decode()


@pytest.mark.django_db
def test_comments_on_hidden_problems_never_appear(client):
    person = UserFactory()
    visible = ProblemFactory()
    hidden = ProblemFactory()
    comment_create(author=person, target=visible, body="보이는 댓글")
    comment_create(author=person, target=hidden, body="숨겨진 글의 댓글")
    hidden.moderation_state = ModerationState.HIDDEN
    hidden.save(update_fields=["moderation_state"])
    html = client.get(url(person, show="comments")).content.decode()
    assert "보이는 댓글" in html
    assert "숨겨진 글의 댓글" not in html


@pytest.mark.django_db
def test_ideas_tab_lists_public_ideas_only(client):
    person = UserFactory()
    IdeaFactory(author=person, title="공개 아이디어")
    IdeaFactory(author=person, title="대기 아이디어", moderation_state=ModerationState.PENDING)
    html = client.get(url(person, show="ideas")).content.decode()
    assert "공개 아이디어" in html
    assert "대기 아이디어" not in html


@pytest.mark.django_db
def test_teams_tab_lists_the_persons_teams(client):
    person = UserFactory()
    team_create(name="전주 메이커스", slug="jeonju-makers", leader=person)
    assert "전주 메이커스" in client.get(url(person, show="teams")).content.decode()


@pytest.mark.django_db
def test_hidden_activity_shows_a_note_instead(client):
    person = UserFactory(activity_hidden=True)
    ProblemFactory(author=person, title="보이면 안 되는 목록")
    html = client.get(url(person)).content.decode()
    assert "보이면 안 되는 목록" not in html


@pytest.mark.django_db
def test_unknown_and_inactive_people_answer_404(client):
    inactive = UserFactory(is_active=False)
    assert client.get(url(inactive)).status_code == 404
    assert client.get(reverse("people:profile", args=[2_000_000_000])).status_code == 404


@pytest.mark.django_db
def test_unknown_section_falls_back_to_problems(client):
    person = UserFactory()
    ProblemFactory(author=person, title="기본 목록")
    assert "기본 목록" in client.get(url(person, show="nope")).content.decode()


@pytest.mark.django_db
def test_report_button_for_signed_in_visitors_not_on_ones_own_profile(client, citizen):
    person = UserFactory()
    report_url = reverse("moderation:report", args=["accounts.user", person.pk])
    client.force_login(citizen)
    assert report_url in client.get(url(person)).content.decode()
    own_report = reverse("moderation:report", args=["accounts.user", citizen.pk])
    assert own_report not in client.get(url(citizen)).content.decode()


@pytest.mark.django_db
def test_problem_page_links_the_author_to_their_profile(client):
    problem = ProblemFactory()
    html = client.get(problem.get_absolute_url()).content.decode()
    assert f'href="{url(problem.author)}"' in html


@pytest.mark.django_db
def test_comment_author_links_to_their_profile(client):
    problem = ProblemFactory()
    author = UserFactory()
    comment_create(author=author, target=problem, body="링크 확인 댓글")
    html = client.get(problem.get_absolute_url()).content.decode()
    assert f'href="{url(author)}"' in html


@pytest.mark.django_db
@pytest.mark.parametrize("section", ["problems", "ideas", "comments", "teams"])
def test_profile_query_count_is_constant(client, section):
    person = UserFactory()

    round_page = make_round()

    def add(count):
        for n in range(count):
            IdeaFactory(author=person, round=round_page)
            problem = ProblemFactory(author=person)
            comment_create(author=person, target=problem, body=f"댓글 {n}")
            team_create(
                name=f"팀 {person.pk}-{n}-{count}", slug=f"t-{person.pk}-{n}-{count}", leader=person
            )

    add(2)
    client.get(url(person, show=section))  # warm caches (content types, site)
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as few:
        client.get(url(person, show=section))
    add(8)
    with CaptureQueriesContext(connection) as many:
        client.get(url(person, show=section))
    assert len(many) == len(few)


@pytest.mark.django_db
def test_an_under_14s_team_stays_off_the_profile_until_guardian_consent(client, citizen):
    child = UserFactory(age_band=AgeBand.UNDER_14)
    leader = UserFactory()
    team = team_create(name="비밀 팀", slug="secret-team", leader=leader)
    from soslab.teams.models import Membership

    Membership.objects.create(team=team, user=child)
    client.force_login(citizen)
    assert "비밀 팀" not in client.get(url(child, show="teams")).content.decode()

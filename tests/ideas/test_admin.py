"""Staff manage ideas (status + official feedback) in the Wagtail admin and rounds as pages."""

import pytest

from soslab.accounts.permissions import PostingRefused
from soslab.ideas import services
from soslab.ideas.models import IdeaStatus
from soslab.ideas.phases import Phase
from tests.ideas.factories import IdeaFactory, make_round


@pytest.mark.django_db
def test_staff_list_and_edit_ideas_in_the_admin(client, staff):
    idea = IdeaFactory(round=make_round(Phase.TEAMS))
    client.force_login(staff)
    listing = client.get("/admin/idea_admin/")
    assert listing.status_code == 200
    assert idea.title in listing.content.decode()
    edit_url = f"/admin/idea_admin/edit/{idea.pk}/"
    form = client.get(edit_url)
    assert form.status_code == 200
    response = client.post(
        edit_url,
        {
            "status": IdeaStatus.SELECTED,
            "staff_feedback": "투표 1위로 선정되었습니다.",
            "title": idea.title,
            "summary": idea.summary,
            "description": idea.description,
            "category": idea.category_id,
            "tags": "",
            "team_name": "",
            "moderation_state": idea.moderation_state,
            "moderation_reason": "",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    idea.refresh_from_db()
    assert idea.status == IdeaStatus.SELECTED
    assert idea.staff_feedback == "투표 1위로 선정되었습니다."
    assert idea.feedback_at is not None


@pytest.mark.django_db
def test_citizens_cannot_open_the_ideas_admin(client, citizen):
    client.force_login(citizen)
    assert client.get("/admin/idea_admin/").status_code in (302, 403)


@pytest.mark.django_db
def test_official_feedback_is_shown_on_the_idea(client):
    idea = IdeaFactory(round=make_round(Phase.TEAMS), staff_feedback="시범 설치를 준비합니다.")
    html = client.get(idea.get_absolute_url()).content.decode()
    assert "시범 설치를 준비합니다." in html


@pytest.mark.django_db
def test_status_change_service_is_for_staff(staff, citizen):
    idea = IdeaFactory(round=make_round(Phase.TEAMS))
    with pytest.raises(PostingRefused):
        services.idea_status_change(
            idea=idea, status=IdeaStatus.SELECTED, feedback="", actor=citizen
        )
    services.idea_status_change(
        idea=idea, status=IdeaStatus.SELECTED, feedback="축하합니다", actor=staff
    )
    idea.refresh_from_db()
    assert idea.status == IdeaStatus.SELECTED and idea.feedback_at is not None


@pytest.mark.django_db
def test_author_withdraws_an_idea(citizen):
    idea = IdeaFactory(round=make_round(Phase.IDEAS), author=citizen)
    other = IdeaFactory(round=idea.round)
    services.idea_withdraw(idea=idea, user=citizen)
    idea.refresh_from_db()
    assert idea.status == IdeaStatus.WITHDRAWN
    with pytest.raises(PostingRefused):
        services.idea_withdraw(idea=other, user=citizen)


@pytest.mark.django_db
def test_staff_edit_a_round_page_in_wagtail(client, staff):
    page = make_round(Phase.IDEAS)
    client.force_login(staff)
    assert client.get(f"/admin/pages/{page.pk}/edit/").status_code == 200


@pytest.mark.django_db
def test_featured_problems_are_picked_with_a_problem_chooser(client, staff):
    from soslab.moderation.models import ModerationState
    from tests.ideas.factories import ProblemFactory

    public = ProblemFactory(title="덕진공원 앞 횡단보도 신호")
    hidden = ProblemFactory(title="숨겨진 문제입니다", moderation_state=ModerationState.HIDDEN)
    client.force_login(staff)
    listing = client.get("/admin/problem_chooser/")
    assert listing.status_code == 200
    body = listing.json()["html"]
    assert public.title in body and hidden.title not in body
    search = client.get("/admin/problem_chooser/results/?q=덕진")
    assert public.title in search.content.decode()
    assert (
        hidden.title not in client.get("/admin/problem_chooser/results/?q=숨겨진").content.decode()
    )
    page = make_round(Phase.IDEAS)
    edit = client.get(f"/admin/pages/{page.pk}/edit/").content.decode()
    assert "problem_chooser" in edit


@pytest.mark.django_db
def test_author_withdraws_through_the_idea_page(client, citizen):
    idea = IdeaFactory(round=make_round(Phase.VOTING), author=citizen)
    url = f"{idea.round.url}ideas/{idea.pk}/withdraw/"
    other = IdeaFactory(round=idea.round)
    client.force_login(citizen)
    assert "/withdraw/" in client.get(idea.get_absolute_url()).content.decode()
    assert client.post(f"{idea.round.url}ideas/{other.pk}/withdraw/").status_code == 403
    response = client.post(url)
    assert response.status_code == 302
    idea.refresh_from_db()
    assert idea.status == IdeaStatus.WITHDRAWN


@pytest.mark.django_db
def test_ideas_cannot_be_withdrawn_after_voting_closed(citizen):
    idea = IdeaFactory(round=make_round(Phase.TEAMS), author=citizen)
    with pytest.raises(PostingRefused) as refused:
        services.idea_withdraw(idea=idea, user=citizen)
    assert refused.value.code == "voting_closed"

"""Journey 4: a 13-year-old joins a maker team with a guardian's consent, the team writes its
project page, staff approve it, and it appears on the results-sharing page with photos."""

import pytest
from django.utils import timezone
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import WorkflowState

from cms.projects.models import ProjectPage
from soslab.teams.joining import invitation_create
from soslab.teams.services import guardian_consent_record
from tests.factories import ModeratorFactory, UserFactory
from tests.teams.factories import ChildFactory, make_event, make_team, project_index


@pytest.mark.django_db
def test_journey_4(client, staff):
    project_index()
    leader = UserFactory(display_name="팀장 지우")
    team = make_team(leader=leader, name="안전한 등굣길 메이커")
    child = ChildFactory(display_name="메이커 하늘")

    # 1. The leader invites the child, who joins: not shown publicly yet, cannot edit.
    issued = invitation_create(team=team, created_by=leader)
    client.force_login(child)
    client.post(issued.path)
    client.logout()
    assert "메이커 하늘" not in client.get(team.get_absolute_url()).content.decode()

    # 2. Staff record the guardian's consent.
    guardian_consent_record(
        user=child,
        guardian_name="김보호",
        guardian_contact="010-1234-5678",
        method="paper",
        given_at=timezone.now(),
        recorded_by=staff,
    )
    assert "메이커 하늘" in client.get(team.get_absolute_url()).content.decode()

    # 3. The leader starts the project page; the child writes it and submits it for review.
    client.force_login(leader)
    client.post(
        f"/teams/{team.slug}/project/", {"title": "밤길 횡단보도", "summary": "LED로 밝혀요."}
    )
    page = ProjectPage.objects.get(team=team)
    image = Image.objects.create(title="시제품", file=get_test_image_file())
    page.cover_image = image
    page.cover_people_agreed = True
    page.cover_alt = "시제품 사진"
    page.outcome_what_changed = "야간 양보율이 올랐습니다."
    child.refresh_from_db()
    assert page.permissions_for_user(child).can_edit()
    page.save_revision(user=child)
    page.get_workflow().start(page, child)
    assert not ProjectPage.objects.get(pk=page.pk).live

    # 4. A moderator approves; the page goes live.
    state = WorkflowState.objects.get(object_id=str(page.pk))
    client.force_login(ModeratorFactory())
    client.post(f"/admin/pages/workflow/action/{page.pk}/approve/{state.current_task_state.pk}/")
    page = ProjectPage.objects.get(pk=page.pk)
    assert page.live

    # 5. It appears on the results-sharing page with its photo and outcome.
    event = make_event(projects=[page])
    client.logout()
    html = client.get(event.url).content.decode()
    assert "밤길 횡단보도" in html
    assert 'class="project-card__image"' in html
    project_html = client.get(page.url).content.decode()
    assert "야간 양보율이 올랐습니다." in project_html
    assert "메이커 하늘" in project_html

"""The Project review workflow: a team member submits, a moderator approves, the page goes live;
publishing moves the addressed problems to "in a project" exactly once."""

import pytest
from wagtail.models import WorkflowState
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from cms.projects.models import ProjectPage
from cms.projects.services import PROJECT_WORKFLOW_NAME
from soslab.problems.models import ProblemStatus, TimelineEntry
from tests.factories import ModeratorFactory, UserFactory
from tests.problems.factories import ProblemFactory
from tests.teams.factories import make_project, make_team, project_index


def _edit_data(page, **overrides):
    data = {
        "title": page.title,
        "slug": page.slug,
        "summary": page.summary,
        "cover_alt": "",
        "body": streamfield([("text", rich_text("<p>보행자 감지 센서를 만들었습니다.</p>"))]),
        "progress_status": "building",
        "progress_percent": 40,
        "updates": {
            "TOTAL_FORMS": 0,
            "INITIAL_FORMS": 0,
            "MIN_NUM_FORMS": 0,
            "MAX_NUM_FORMS": 1000,
        },
        "outcome_what_changed": "",
        "outcome_reach": "",
        "outcome_people_reached": "",
        "problem_solved": "unknown",
        "comments": {
            "TOTAL_FORMS": 0,
            "INITIAL_FORMS": 0,
            "MIN_NUM_FORMS": 0,
            "MAX_NUM_FORMS": 1000,
        },
    }
    data.update(overrides)
    return nested_form_data(data)


@pytest.mark.django_db
def test_projects_index_uses_the_project_review_workflow():
    index = project_index()
    assert index.get_workflow().name == PROJECT_WORKFLOW_NAME


@pytest.mark.django_db
def test_draft_to_published_through_moderation(client):
    member = UserFactory()
    team = make_team(leader=member)
    project = make_project(team, live=False, title="스마트 횡단보도")
    moderator = ModeratorFactory()

    client.force_login(member)
    response = client.post(
        f"/admin/pages/{project.pk}/edit/", {**_edit_data(project), "action-submit": "Submit"}
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    project.refresh_from_db()
    assert not project.live
    state = WorkflowState.objects.get(base_content_type__model="page", object_id=str(project.pk))
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert client.get(project.url).status_code == 404  # still private while in review

    client.force_login(moderator)
    response = client.post(
        f"/admin/pages/workflow/action/{project.pk}/approve/{state.current_task_state.pk}/"
    )
    assert response.status_code in (200, 302)
    project.refresh_from_db()
    state.refresh_from_db()
    assert project.live
    assert state.status == WorkflowState.STATUS_APPROVED
    assert project.progress_percent == 40
    client.logout()
    assert client.get(project.url).status_code == 200


@pytest.mark.django_db
def test_member_cannot_publish_directly(client):
    member = UserFactory()
    project = make_project(make_team(leader=member), live=False)
    client.force_login(member)

    client.post(f"/admin/pages/{project.pk}/edit/", {**_edit_data(project), "action-publish": "1"})

    project.refresh_from_db()
    assert not project.live


@pytest.mark.django_db
def test_publishing_twice_moves_the_problem_to_in_project_once():
    problem = ProblemFactory(status=ProblemStatus.OPEN_FOR_IDEAS)
    project = make_project(make_team(), live=False, problems=[problem])

    project.save_revision().publish()
    project = ProjectPage.objects.get(pk=project.pk)
    project.save_revision().publish()

    problem.refresh_from_db()
    assert problem.status == ProblemStatus.IN_PROJECT
    entries = TimelineEntry.objects.filter(problem=problem, to_status=ProblemStatus.IN_PROJECT)
    assert entries.count() == 1


@pytest.mark.django_db
def test_publishing_leaves_solved_problems_alone():
    problem = ProblemFactory(status=ProblemStatus.SOLVED)
    make_project(make_team(), live=True, problems=[problem])

    problem.refresh_from_db()
    assert problem.status == ProblemStatus.SOLVED


@pytest.mark.django_db
def test_publishing_notifies_the_problems_followers_once(django_capture_on_commit_callbacks):
    from soslab.notifications.models import Notification
    from soslab.notifications.services import follow_add

    follower = UserFactory()
    problem = ProblemFactory(status=ProblemStatus.RECEIVED)
    follow_add(user=follower, target=problem)
    project = make_project(make_team(), live=False, problems=[problem])

    with django_capture_on_commit_callbacks(execute=True):
        project.save_revision().publish()
        ProjectPage.objects.get(pk=project.pk).save_revision().publish()

    assert Notification.objects.filter(recipient=follower).count() == 1

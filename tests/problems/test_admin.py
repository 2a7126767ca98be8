"""Staff work in the Wagtail admin: answer and move a problem through its statuses; every action
goes through the services (timeline, kept original text)."""

import pytest

from soslab.problems.models import AnswerTemplate, ProblemStatus, ThresholdStep, TimelineKind

from .factories import CategoryFactory, ProblemFactory

pytestmark = pytest.mark.django_db


def _form(problem, **overrides):
    data = {
        "title": problem.title,
        "description": problem.description,
        "category": problem.category_id,
        "tags": "",
        "location_text": problem.location_text,
        "new_status": problem.status,
        "status_note": "",
        "answer_template": "",
        "answer_body": "",
        "duplicate_of_number": "",
    }
    data.update(overrides)
    return data


def test_admin_lists_and_opens_problems(client, staff):
    problem = ProblemFactory(title="관리자 목록 문제")
    client.force_login(staff)
    assert "관리자 목록 문제" in client.get("/admin/problem_admin/").content.decode()
    assert client.get(f"/admin/problem_admin/edit/{problem.pk}/").status_code == 200


def test_staff_answers_and_changes_status_in_admin(client, staff):
    problem = ProblemFactory()
    client.force_login(staff)
    response = client.post(
        f"/admin/problem_admin/edit/{problem.pk}/",
        _form(
            problem,
            new_status=ProblemStatus.OPEN_FOR_IDEAS,
            status_note="아이디어를 모집합니다",
            answer_body="검토 후 아이디어를 모집하겠습니다.",
        ),
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    problem.refresh_from_db()
    assert problem.status == ProblemStatus.OPEN_FOR_IDEAS
    assert problem.answers.get().body == "검토 후 아이디어를 모집하겠습니다."
    entry = problem.timeline.get(kind=TimelineKind.STATUS)
    assert entry.actor == staff and entry.note == "아이디어를 모집합니다"


def test_answer_template_used_in_admin(client, staff):
    template = AnswerTemplate.objects.create(title="전달", body="담당 부서에 전달했습니다.")
    problem = ProblemFactory()
    client.force_login(staff)
    client.post(
        f"/admin/problem_admin/edit/{problem.pk}/", _form(problem, answer_template=template.pk)
    )
    assert problem.answers.get().body == "담당 부서에 전달했습니다."


def test_staff_correction_in_admin_keeps_original(client, staff):
    problem = ProblemFactory(description="원래 설명에 전화번호 010-0000-0000")
    client.force_login(staff)
    client.post(
        f"/admin/problem_admin/edit/{problem.pk}/",
        _form(problem, description="원래 설명에 전화번호 (삭제)"),
    )
    problem.refresh_from_db()
    assert problem.description == "원래 설명에 전화번호 (삭제)"
    assert problem.original_description == "원래 설명에 전화번호 010-0000-0000"


def test_duplicate_in_admin(client, staff):
    original, duplicate = ProblemFactory(), ProblemFactory()
    client.force_login(staff)
    client.post(
        f"/admin/problem_admin/edit/{duplicate.pk}/",
        _form(duplicate, duplicate_of_number=original.pk),
    )
    duplicate.refresh_from_db()
    assert duplicate.status == ProblemStatus.DUPLICATE and duplicate.duplicate_of == original


def test_no_blank_problem_creation_in_admin(client, staff):
    client.force_login(staff)
    assert client.get("/admin/problem_admin/new/").status_code in (302, 403)


def test_staff_edits_ladder_and_categories(client, staff):
    client.force_login(staff)
    step, _ = ThresholdStep.objects.get_or_create(
        supports=30, defaults={"action": "answer", "answer_days": 14}
    )
    response = client.post(
        f"/admin/threshold_step_admin/edit/{step.pk}/",
        {"supports": 50, "action": "answer", "answer_days": 10},
    )
    assert response.status_code == 302
    step.refresh_from_db()
    assert (step.supports, step.answer_days) == (50, 10)
    category = CategoryFactory()
    assert client.get("/admin/snippets/problems/category/").status_code == 200
    assert str(category.name) in client.get("/admin/snippets/problems/category/").content.decode()


def test_citizen_kept_out_of_admin(client, citizen):
    client.force_login(citizen)
    response = client.get("/admin/problem_admin/")
    assert response.status_code in (302, 403)

"""Problem services: reporting, supports, the threshold ladder, status, duplicates, answers."""

import pytest
from django.utils import timezone

from soslab.accounts.permissions import PostingRefused
from soslab.core.targets import target_content_type
from soslab.moderation.models import ModerationState
from soslab.notifications.models import Follow, Notification
from soslab.notifications.services import follow_add, is_following
from soslab.problems import ladder, services, similar, still_there, supports
from soslab.problems.models import (
    Problem,
    ProblemStatus,
    Support,
    ThresholdAction,
    ThresholdCrossing,
    ThresholdStep,
    TimelineKind,
)
from tests.factories import UserFactory

from .factories import CITY_HALL, CategoryFactory, ProblemFactory

pytestmark = pytest.mark.django_db


def _report(author, **overrides):
    values = {
        "author": author,
        "title": "횡단보도가 너무 위험해요",
        "description": "신호가 짧아서 어르신들이 다 건너지 못합니다.",
        "category": CategoryFactory(slug="traffic", name="교통"),
        "lat": CITY_HALL[0],
        "lon": CITY_HALL[1],
    }
    values.update(overrides)
    return services.problem_create(**values)


def test_create_assigns_dong_from_point_and_author_follows(citizen, dongs):
    problem = _report(citizen, tags=["  안전 ", "어린이 보호구역", "안전"])
    assert problem.dong.name == "노송동"
    assert sorted(problem.tags.names()) == ["안전", "어린이 보호구역"]
    assert problem.original_description == problem.description
    tokens = problem.search_text.split()  # analysed (soslab.core.search): tags and the dong too
    assert {"횡단보도", "어린이보호구역", "노송동"} <= set(tokens)
    assert is_following(citizen, problem)
    assert problem.timeline.get().kind == TimelineKind.REPORTED


def test_tags_are_case_folded_and_trimmed(citizen, dongs):
    problem = _report(citizen, tags=["  Bus Stop ", "BUS   stop", "#미세먼지"])
    assert sorted(problem.tags.names()) == ["bus stop", "미세먼지"]


def test_more_than_five_tags_refused(citizen, dongs):
    with pytest.raises(PostingRefused) as exc:
        _report(citizen, tags=["a1", "b2", "c3", "d4", "e5", "f6"])
    assert exc.value.code == "too_many_tags"
    assert not Problem.objects.exists()


def test_point_outside_jeonju_refused(citizen, dongs):
    with pytest.raises(PostingRefused) as exc:
        _report(citizen, lat=37.5665, lon=126.9780)  # Seoul City Hall
    assert exc.value.code == "outside_jeonju"
    assert str(exc.value.message) == "전주시 안에서 위치를 선택해 주세요"
    assert not Problem.objects.exists()


def test_dong_without_point_is_accepted(citizen, dongs):
    problem = _report(
        citizen, lat=None, lon=None, dong=dongs["효자1동"], location_text="효자공원 앞"
    )
    assert problem.dong == dongs["효자1동"]
    assert problem.lat is None
    assert problem.location_text == "효자공원 앞"


def test_no_place_at_all_refused(citizen, dongs):
    with pytest.raises(PostingRefused) as exc:
        _report(citizen, lat=None, lon=None)
    assert exc.value.code == "location_required"


def test_same_text_twice_refused(citizen, dongs):
    _report(citizen)
    with pytest.raises(PostingRefused) as exc:
        _report(
            citizen,
            title="다른 제목입니다",
            description="신호가 짧아서  어르신들이 다 건너지 못합니다. ",
        )
    assert exc.value.code == "duplicate_text"
    assert Problem.objects.count() == 1


def test_service_screens_text_whoever_calls_it(citizen, dongs, settings):
    """A direct caller cannot skip screening: a new account's links are refused (the field named)
    and personal data is flagged for review in the same transaction."""
    from soslab.moderation.models import ModerationCase
    from soslab.moderation.screening import ScreeningRefused

    settings.SOSLAB_NEW_ACCOUNT_MAX_LINKS = 1
    with pytest.raises(ScreeningRefused) as exc:
        _report(citizen, description="참고 https://a.example.kr/1 그리고 https://b.example.kr/2")
    assert exc.value.code == "too_many_links" and exc.value.field == "description"
    assert not Problem.objects.exists()
    problem = _report(citizen, description="관리인 연락처 010-1234-5678 로 전화해도 안 받아요.")
    assert ModerationCase.objects.for_object(problem).get().flagged_by_system


def test_report_rate_limit_is_counted_in_the_service(citizen, dongs, settings):
    from soslab.core.ratelimit import RateLimited

    settings.SOSLAB_RATE_LIMITS = {**settings.SOSLAB_RATE_LIMITS, "problem_create": ["1/h/user"]}
    _report(citizen, client_ip="10.0.0.1")
    with pytest.raises(RateLimited):
        _report(
            citizen, description="다른 설명: 밤에는 가로등도 꺼져 있어요.", client_ip="10.0.0.1"
        )
    assert Problem.objects.count() == 1


def test_same_text_by_another_person_is_fine(citizen, dongs):
    _report(citizen)
    _report(UserFactory())
    assert Problem.objects.count() == 2


def test_unverified_user_cannot_report(unverified_user, dongs):
    with pytest.raises(PostingRefused) as exc:
        _report(unverified_user)
    assert exc.value.code == "email_unverified"


def test_new_account_starts_pending(citizen, dongs, settings):
    settings.SOSLAB_PREMODERATE_FIRST_POSTS = 1
    first = _report(citizen)
    assert first.moderation_state == ModerationState.PENDING


# --- supports and the ladder -----------------------------------------------------------------


def test_support_is_one_per_person_and_withdrawable(citizen):
    problem = ProblemFactory()
    assert supports.support_add(problem=problem, user=citizen) is True
    assert supports.support_add(problem=problem, user=citizen) is False
    problem.refresh_from_db()
    assert problem.support_count == 1
    assert is_following(citizen, problem)  # told when staff answer
    assert supports.support_remove(problem=problem, user=citizen) is True
    assert supports.support_remove(problem=problem, user=citizen) is False
    problem.refresh_from_db()
    assert problem.support_count == 0
    assert not Support.objects.exists()


def test_unverified_user_cannot_support(unverified_user):
    problem = ProblemFactory()
    with pytest.raises(PostingRefused):
        supports.support_add(problem=problem, user=unverified_user)


def test_closed_problem_takes_no_supports(citizen):
    problem = ProblemFactory(status=ProblemStatus.SOLVED)
    with pytest.raises(PostingRefused) as exc:
        supports.support_add(problem=problem, user=citizen)
    assert exc.value.code == "closed"


def test_default_ladder_is_30_then_100():
    import importlib

    from django.apps import apps

    migration = importlib.import_module("soslab.problems.migrations.0002_default_threshold_ladder")
    ThresholdStep.objects.all().delete()
    migration.add_defaults(apps, None)
    steps = list(ThresholdStep.objects.values_list("supports", "action", "answer_days"))
    assert steps == [
        (30, ThresholdAction.ANSWER_REQUIRED, 14),
        (100, ThresholdAction.ROUND_CANDIDATE, None),
    ]


def test_crossing_a_step_sets_deadline_records_and_notifies_staff(
    staff, django_capture_on_commit_callbacks
):
    ThresholdStep.objects.all().delete()
    ThresholdStep.objects.create(supports=2, action=ThresholdAction.ANSWER_REQUIRED, answer_days=14)
    ThresholdStep.objects.create(supports=3, action=ThresholdAction.ROUND_CANDIDATE)
    problem = ProblemFactory()
    with django_capture_on_commit_callbacks(execute=True):
        supports.support_add(problem=problem, user=UserFactory())
    assert not ThresholdCrossing.objects.exists()
    with django_capture_on_commit_callbacks(execute=True):
        supports.support_add(problem=problem, user=UserFactory())
    problem.refresh_from_db()
    crossing = ThresholdCrossing.objects.get()
    assert crossing.supports == 2 and crossing.staff_notified_at is not None
    assert problem.answer_days_left == 14
    assert problem.timeline.filter(kind=TimelineKind.THRESHOLD).count() == 1
    assert Notification.objects.filter(recipient=staff, kind="threshold").count() == 1
    # Withdrawing and re-supporting does not cross again.
    supporter = Support.objects.first().user
    supports.support_remove(problem=problem, user=supporter)
    with django_capture_on_commit_callbacks(execute=True):
        supports.support_add(problem=problem, user=supporter)
    assert ThresholdCrossing.objects.count() == 1
    with django_capture_on_commit_callbacks(execute=True):
        supports.support_add(problem=problem, user=UserFactory())
    problem.refresh_from_db()
    assert problem.round_candidate_at is not None
    assert problem.threshold_supports == 3
    assert Notification.objects.filter(recipient=staff, kind="threshold").count() == 2


def test_threshold_notification_task_is_idempotent(staff):
    problem = ProblemFactory(answer_due_at=timezone.now())
    crossing = ThresholdCrossing.objects.create(
        problem=problem, supports=30, action=ThresholdAction.ANSWER_REQUIRED
    )
    assert ladder.threshold_crossing_notify(crossing_id=crossing.pk) is True
    assert ladder.threshold_crossing_notify(crossing_id=crossing.pk) is False
    assert Notification.objects.filter(kind="threshold").count() == 1


def test_overdue_badge_when_deadline_passed():
    problem = ProblemFactory(answer_due_at=timezone.now() - timezone.timedelta(days=2))
    assert problem.answer_overdue
    problem.answered_at = timezone.now()
    assert not problem.answer_overdue


# --- status, duplicates, answers -------------------------------------------------------------


def test_staff_changes_status_with_public_timeline_and_notifies_followers(
    staff, citizen, django_capture_on_commit_callbacks
):
    problem = ProblemFactory()
    follow_add(user=citizen, target=problem)
    with django_capture_on_commit_callbacks(execute=True):
        entry = services.problem_status_change(
            problem=problem, status=ProblemStatus.REVIEWING, actor=staff, note="현장 확인 예정"
        )
    problem.refresh_from_db()
    assert problem.status == ProblemStatus.REVIEWING
    assert (entry.actor, entry.from_status, entry.to_status, entry.note) == (
        staff,
        ProblemStatus.RECEIVED,
        ProblemStatus.REVIEWING,
        "현장 확인 예정",
    )
    assert Notification.objects.filter(recipient=citizen, kind="status").count() == 1


def test_citizen_cannot_change_status(citizen):
    problem = ProblemFactory(author=citizen)
    with pytest.raises(PostingRefused) as exc:
        services.problem_status_change(problem=problem, status=ProblemStatus.SOLVED, actor=citizen)
    assert exc.value.status == 403
    problem.refresh_from_db()
    assert problem.status == ProblemStatus.RECEIVED


def test_duplicate_absorbed_by_original_with_exact_counts(staff):
    original, duplicate = ProblemFactory(), ProblemFactory()
    both, only_dup, only_orig = UserFactory(), UserFactory(), UserFactory()
    for user in (both, only_orig):
        supports.support_add(problem=original, user=user)
    for user in (both, only_dup):
        supports.support_add(problem=duplicate, user=user)
    follow_add(user=only_dup, target=duplicate)
    follow_add(user=both, target=duplicate)
    follow_add(user=both, target=original)

    services.problem_mark_duplicate(
        duplicate=duplicate, original=original, actor=staff, note="같은 장소"
    )

    original.refresh_from_db()
    duplicate.refresh_from_db()
    assert original.support_count == 3 == original.supports.count()
    assert duplicate.support_count == 0 == duplicate.supports.count()
    assert duplicate.status == ProblemStatus.DUPLICATE and duplicate.duplicate_of == original
    assert is_following(only_dup, original)
    assert Follow.objects.filter(user=both, object_id=original.pk).count() == 1
    follows = Follow.objects.filter(content_type=target_content_type(original))
    assert original.follower_count == follows.filter(object_id=original.pk).count()
    assert original.timeline.filter(kind=TimelineKind.DUPLICATE).exists()


def test_duplicate_of_a_duplicate_merges_into_the_root(staff):
    root, middle, late = ProblemFactory(), ProblemFactory(), ProblemFactory()
    services.problem_mark_duplicate(duplicate=middle, original=root, actor=staff)
    middle.refresh_from_db()
    services.problem_mark_duplicate(duplicate=late, original=middle, actor=staff)
    late.refresh_from_db()
    assert late.duplicate_of == root


def test_problem_cannot_duplicate_itself(staff):
    problem = ProblemFactory()
    with pytest.raises(PostingRefused):
        services.problem_mark_duplicate(duplicate=problem, original=problem, actor=staff)


def test_answer_stops_countdown_and_only_staff_answer(staff, citizen):
    problem = ProblemFactory(answer_due_at=timezone.now() + timezone.timedelta(days=3))
    with pytest.raises(PostingRefused):
        services.answer_add(problem=problem, author=citizen, body="제가 답합니다")
    services.answer_add(problem=problem, author=staff, body="도로과에 전달했습니다.")
    problem.refresh_from_db()
    assert problem.answered_at is not None
    assert problem.answer_days_left is None
    assert problem.timeline.filter(kind=TimelineKind.ANSWER).count() == 1


# --- similar problems -------------------------------------------------------------------------


def test_similar_problems_within_200_metres(citizen):
    traffic = CategoryFactory(slug="traffic")
    other = CategoryFactory(slug="other")
    lat, lon = CITY_HALL
    # 1 degree of latitude is ~111 km: 0.0015 deg ~ 167 m, 0.0020 deg ~ 222 m.
    near_same = ProblemFactory(category=traffic, lat=lat + 0.0015, lon=lon)
    ProblemFactory(category=traffic, lat=lat + 0.0020, lon=lon)  # too far
    near_other_cat = ProblemFactory(category=other, lat=lat, lon=lon + 0.001, title="다른 이야기")
    near_similar_title = ProblemFactory(
        category=other, lat=lat, lon=lon - 0.001, title="시청 앞 횡단보도 신호"
    )
    ProblemFactory(category=traffic, lat=lat, lon=lon, status=ProblemStatus.SOLVED)  # closed
    ProblemFactory(category=traffic, lat=lat, lon=lon, moderation_state=ModerationState.HIDDEN)
    found = similar.similar_problems(lat=lat, lon=lon, category=traffic, title="횡단보도 위험")
    assert {p.pk for p in found} == {near_same.pk, near_similar_title.pk}
    assert near_other_cat.pk not in {p.pk for p in found}
    assert all(p.distance_m <= 200 for p in found)


def test_similar_problems_at_most_five_nearest_first():
    traffic = CategoryFactory(slug="traffic")
    lat, lon = CITY_HALL
    made = [ProblemFactory(category=traffic, lat=lat + 0.0002 * i, lon=lon) for i in range(7)]
    found = similar.similar_problems(lat=lat, lon=lon, category=traffic)
    assert [p.pk for p in found] == [p.pk for p in made[:5]]


def test_haversine_is_metric():
    # One degree of latitude is ~111.2 km everywhere; one degree of longitude at Jeonju's
    # latitude (35.8) is only ~90.2 km, which a distance in degrees would get wrong.
    assert similar.haversine_m(35.0, 127.0, 36.0, 127.0) == pytest.approx(111_195, rel=1e-3)
    assert similar.haversine_m(35.8, 127.0, 35.8, 128.0) == pytest.approx(90_220, rel=2e-3)


# --- is it still there? ----------------------------------------------------------------------


def test_still_there_task_asks_once_after_four_weeks(citizen):
    from soslab.problems.tasks import ask_still_there

    old = ProblemFactory(author=citizen, created_at=timezone.now() - timezone.timedelta(days=29))
    ProblemFactory(created_at=timezone.now() - timezone.timedelta(days=10))
    ProblemFactory(
        created_at=timezone.now() - timezone.timedelta(days=40), status=ProblemStatus.SOLVED
    )
    assert ask_still_there.delay().get() == 1
    assert ask_still_there.delay().get() == 0
    old.refresh_from_db()
    assert old.still_there_asked_at is not None
    assert Notification.objects.filter(recipient=citizen, kind="still_there").count() == 1


def test_author_answer_is_public_timeline_entry(citizen, staff):
    problem = ProblemFactory(author=citizen)
    still_there.problem_still_there_answer(
        problem=problem, user=citizen, still_there=True, note="여전해요"
    )
    assert problem.timeline.filter(kind=TimelineKind.STILL_THERE, note="여전해요").exists()
    with pytest.raises(PostingRefused):
        still_there.problem_still_there_answer(
            problem=problem, user=UserFactory(), still_there=False
        )

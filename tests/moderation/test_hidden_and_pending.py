"""Hidden means hidden everywhere (the query-level mechanism and the placeholder), and
pre-moderation for under-14 members and new accounts."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.template import Context, Template
from django.test import RequestFactory, override_settings

from soslab.accounts.models import AgeBand
from soslab.moderation.models import CaseStatus, ModerationCase, ModerationState
from soslab.moderation.services import content_approve, new_content_state
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

TEMPLATE = Template(
    "{% load moderation_tags %}{% hidden_placeholder item %}"
    "{% if item|visible_for:request.user %}<article>{{ item.body }}</article>{% endif %}"
    "{% report_button item %}"
)


def render(item, user):
    request = RequestFactory().get("/somewhere/")
    request.user = user
    return TEMPLATE.render(Context({"item": item, "request": request}))


def test_public_queryset_excludes_hidden_and_pending(make_post, post_model):
    public = make_post()
    make_post(state=ModerationState.HIDDEN)
    make_post(state=ModerationState.PENDING)
    assert list(post_model.objects.public()) == [public]


def test_author_sees_own_hidden_item_marked_and_others_do_not(make_post, post_model, citizen):
    hidden = make_post(state=ModerationState.HIDDEN)
    assert hidden in post_model.objects.visible_to(hidden.author)
    assert hidden not in post_model.objects.visible_to(citizen)
    assert hidden not in post_model.objects.visible_to(AnonymousUser())


@pytest.mark.parametrize("viewer", ["anonymous", "citizen"])
def test_others_see_the_placeholder_instead_of_hidden_content(make_post, citizen, viewer):
    hidden = make_post(state=ModerationState.HIDDEN, body="숨겨진 본문")
    html = render(hidden, AnonymousUser() if viewer == "anonymous" else citizen)
    assert "검토 중인 게시물입니다" in html
    assert "숨겨진 본문" not in html
    assert "report-link" not in html


def test_author_sees_the_hidden_item_marked(make_post):
    hidden = make_post(state=ModerationState.HIDDEN, body="숨겨진 본문")
    html = render(hidden, hidden.author)
    assert "숨겨진 본문" in html
    assert "moderation-marker--hidden" in html


def test_author_sees_pending_marker(make_post):
    pending = make_post(state=ModerationState.PENDING, body="승인 대기 본문")
    html = render(pending, pending.author)
    assert "moderation-marker--pending" in html and "승인 대기 본문" in html


def test_moderator_sees_hidden_content_marked(make_post, moderator):
    hidden = make_post(state=ModerationState.HIDDEN, body="숨겨진 본문")
    html = render(hidden, moderator)
    assert "숨겨진 본문" in html and "moderation-marker" in html


def test_public_item_has_no_marker_and_a_report_link_for_others(make_post, citizen):
    item = make_post(body="공개 본문")
    html = render(item, citizen)
    assert "moderation-marker" not in html and "moderation-placeholder" not in html
    assert "report-link" in html and "/moderation/report/moderation.post/" in html
    assert "next=%2Fsomewhere%2F" in html


def test_no_report_link_on_ones_own_item(make_post):
    item = make_post()
    assert "report-link" not in render(item, item.author)


# --- Pre-moderation ---------------------------------------------------------------------------


def test_under_14_member_content_waits_for_approval(make_post, moderator, post_model):
    kid = UserFactory(age_band=AgeBand.UNDER_14)
    # Even after many published posts, under-14s stay pre-moderated.
    for _ in range(3):
        make_post(author=kid)
    state = new_content_state(author=kid)
    assert state == ModerationState.PENDING
    item = make_post(author=kid, state=state)
    assert item not in post_model.objects.public()
    case = ModerationCase.objects.for_object(item).get()
    assert case.awaiting_approval and case.status == CaseStatus.OPEN
    assert "moderation-marker--pending" in render(item, kid)
    assert "moderation-placeholder" in render(item, UserFactory())
    content_approve(moderator=moderator, target=item)
    item.refresh_from_db()
    assert item in post_model.objects.public()


@override_settings(SOSLAB_PREMODERATE_FIRST_POSTS=2)
def test_first_two_posts_of_a_new_account_wait(make_post, moderator):
    newcomer = UserFactory()
    first = make_post(author=newcomer, state=new_content_state(author=newcomer))
    assert first.is_pending
    content_approve(moderator=moderator, target=first)
    second = make_post(author=newcomer, state=new_content_state(author=newcomer))
    assert second.is_pending
    content_approve(moderator=moderator, target=second)
    assert new_content_state(author=newcomer) == ModerationState.PUBLISHED


def test_moderators_are_never_pre_moderated(moderator, post_model):
    assert new_content_state(author=moderator) == ModerationState.PUBLISHED


def test_pending_items_saved_in_bulk_are_queued_by_the_sync(make_post, post_model):
    from soslab.moderation.cases import cases_sync_pending

    author = UserFactory()
    post_model.objects.bulk_create(
        [post_model(author=author, title="대량", body="대량 저장", moderation_state="pending")]
    )
    assert not ModerationCase.objects.waiting().exists()
    assert cases_sync_pending() == 1
    assert ModerationCase.objects.waiting().get().awaiting_approval
    assert cases_sync_pending() == 0


def test_deleting_an_item_takes_it_out_of_the_queue(make_post):
    item = make_post(state=ModerationState.PENDING)
    item.delete()
    assert not ModerationCase.objects.waiting().exists()

"""Proposing ideas: validation, linked problems (public, inside Jeonju), images, moderation."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from soslab.ideas.models import Idea
from soslab.ideas.phases import Phase
from soslab.moderation.models import ModerationState
from tests.factories import UserFactory
from tests.ideas.factories import IdeaFactory, ProblemFactory, make_round


@pytest.fixture
def author(db):
    """A member with published posts already (so new posts are not pre-moderated)."""
    user = UserFactory()
    ProblemFactory.create_batch(2, author=user)
    return user


@pytest.fixture
def ideas_round(db):
    return make_round(Phase.IDEAS)


def form_data(problem, **overrides):
    data = {
        "title": "어르신 보행 신호 자동 연장",
        "summary": "횡단보도에 사람이 남아 있으면 신호를 몇 초 늘립니다.",
        "description": "압력 센서로 보행자를 감지합니다.\n전주시 교통과와 함께 시범 설치를 제안합니다.",
        "problems": [problem.pk],
        "tags": "횡단보도, 어르신",
    }
    data.update(overrides)
    return data


def jpeg(name="photo.jpg"):
    buffer = io.BytesIO()
    Image.new("RGB", (40, 30), (200, 30, 30)).save(buffer, "JPEG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/jpeg")


@pytest.mark.django_db
def test_propose_an_idea(client, author, ideas_round):
    problem = ProblemFactory()
    client.force_login(author)
    response = client.post(f"{ideas_round.url}ideas/new/", form_data(problem))
    idea = Idea.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"{ideas_round.url}ideas/{idea.pk}/"
    assert idea.author == author and idea.round == ideas_round
    assert list(idea.problems.all()) == [problem]
    assert idea.category == problem.category
    assert sorted(tag.name for tag in idea.tags.all()) == ["어르신", "횡단보도"]
    assert idea.moderation_state == ModerationState.PUBLISHED


@pytest.mark.django_db
def test_first_ideas_of_a_new_account_wait_for_review(client, citizen, ideas_round):
    client.force_login(citizen)
    client.post(f"{ideas_round.url}ideas/new/", form_data(ProblemFactory()))
    assert Idea.objects.get().moderation_state == ModerationState.PENDING


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("title", "짧음"),
        ("title", "가" * 121),
        ("summary", "가" * 301),
        ("description", "가" * 5001),
    ],
)
def test_length_limits_keep_what_was_typed(client, author, ideas_round, field, value):
    client.force_login(author)
    data = form_data(ProblemFactory(), **{field: value})
    response = client.post(f"{ideas_round.url}ideas/new/", data)
    assert response.status_code == 200
    assert field in response.context["form"].errors
    assert not Idea.objects.exists()
    html = response.content.decode()
    assert data["summary" if field != "summary" else "title"] in html  # the rest is kept


@pytest.mark.django_db
def test_at_least_one_problem_is_required(client, author, ideas_round):
    client.force_login(author)
    data = form_data(ProblemFactory())
    data.pop("problems")
    response = client.post(f"{ideas_round.url}ideas/new/", data)
    assert "problems" in response.context["form"].errors
    assert not Idea.objects.exists()


@pytest.mark.django_db
def test_hidden_problem_is_refused(client, author, ideas_round):
    hidden = ProblemFactory(moderation_state=ModerationState.HIDDEN)
    client.force_login(author)
    response = client.post(f"{ideas_round.url}ideas/new/", form_data(hidden))
    assert response.status_code == 200
    assert "problems" in response.context["form"].errors
    assert not Idea.objects.exists()


@pytest.mark.django_db
def test_problem_outside_jeonju_is_refused(client, author, ideas_round):
    seoul = ProblemFactory(lat=37.5665, lon=126.9780, dong=None)
    client.force_login(author)
    response = client.post(f"{ideas_round.url}ideas/new/", form_data(seoul))
    assert response.status_code == 200
    errors = response.context["form"].errors["problems"]
    assert any(seoul.title in error for error in errors)
    assert not Idea.objects.exists()


@pytest.mark.django_db
def test_proposing_outside_the_idea_phase_is_refused(client, author):
    page = make_round(Phase.VOTING)
    client.force_login(author)
    response = client.post(f"{page.url}ideas/new/", form_data(ProblemFactory()))
    assert response.status_code == 409
    assert not Idea.objects.exists()
    api = client.get(f"{page.url}ideas/new/", HTTP_ACCEPT="application/json")
    assert api.status_code == 409 and api.json()["error"] == "ideas_closed"


@pytest.mark.django_db
def test_anonymous_is_sent_to_log_in(client, ideas_round):
    response = client.get(f"{ideas_round.url}ideas/new/")
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


@pytest.mark.django_db
def test_up_to_three_images_through_the_shared_pipeline(client, author, ideas_round):
    client.force_login(author)
    data = form_data(ProblemFactory(), images=[jpeg("a.jpg"), jpeg("b.jpg")])
    client.post(f"{ideas_round.url}ideas/new/", data)
    idea = Idea.objects.get()
    assert idea.images.count() == 2
    assert all(image.thumbnail.name for image in idea.images.all())


@pytest.mark.django_db
def test_four_images_are_refused(client, author, ideas_round):
    client.force_login(author)
    data = form_data(ProblemFactory(), images=[jpeg(f"{n}.jpg") for n in range(4)])
    response = client.post(f"{ideas_round.url}ideas/new/", data)
    assert "images" in response.context["form"].errors
    assert not Idea.objects.exists()


@pytest.mark.django_db
def test_a_non_image_is_refused(client, author, ideas_round):
    client.force_login(author)
    fake = SimpleUploadedFile("x.jpg", b"not an image at all", content_type="image/jpeg")
    response = client.post(
        f"{ideas_round.url}ideas/new/", form_data(ProblemFactory(), images=[fake])
    )
    assert "images" in response.context["form"].errors
    assert not Idea.objects.exists()


@pytest.mark.django_db
def test_idea_creation_is_rate_limited(client, author, ideas_round, settings):
    settings.SOSLAB_RATE_LIMITS = {**settings.SOSLAB_RATE_LIMITS, "idea_create": ["1/h/user"]}
    client.force_login(author)
    problem = ProblemFactory()
    client.post(f"{ideas_round.url}ideas/new/", form_data(problem))
    response = client.post(f"{ideas_round.url}ideas/new/", form_data(problem))
    assert response.status_code == 429
    assert Idea.objects.count() == 1


@pytest.mark.django_db
def test_idea_text_is_escaped_and_links_are_nofollow_ugc(client, ideas_round):
    idea = IdeaFactory(
        round=ideas_round,
        description="<script>alert(1)</script> 참고: https://example.kr/plan",
    )
    html = client.get(f"{ideas_round.url}ideas/{idea.pk}/").content.decode()
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;" in html
    assert '<a href="https://example.kr/plan" rel="nofollow ugc">' in html


@pytest.mark.django_db
def test_hidden_idea_is_visible_only_to_its_author_and_moderators(client, moderator, ideas_round):
    idea = IdeaFactory(round=ideas_round, moderation_state=ModerationState.HIDDEN)
    url = f"{ideas_round.url}ideas/{idea.pk}/"
    assert client.get(url).status_code == 404
    client.force_login(idea.author)
    assert client.get(url).status_code == 200
    client.force_login(moderator)
    assert client.get(url).status_code == 200


@pytest.mark.django_db
def test_idea_images_are_public_by_url_only_while_the_idea_is(
    client, author, ideas_round, moderator, django_capture_on_commit_callbacks
):
    from soslab.core.media import private_storage, public_storage
    from soslab.moderation.services import content_hide

    client.force_login(author)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"{ideas_round.url}ideas/new/", form_data(ProblemFactory(), images=[jpeg()]))
    client.logout()
    idea = Idea.objects.get()
    image = idea.images.get()
    assert idea.is_public
    assert private_storage().exists(image.image.name)
    assert public_storage().exists(image.image.name)
    assert image.image_url == "/media/public/" + image.image.name
    with django_capture_on_commit_callbacks(execute=True):
        content_hide(moderator=moderator, target=idea, reason_text="광고")
    image = Idea.objects.get().images.get()
    assert not public_storage().exists(image.image.name)
    assert client.get(image.image_url).status_code == 404
    client.force_login(author)
    assert client.get(image.image_url).status_code == 200

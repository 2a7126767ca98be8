"""Share images: a 1200x630 PNG per public problem and live project, drawn once per version,
cacheable, 404 for anything not public; drawn without text when no Korean font exists."""

from io import BytesIO

import pytest
from PIL import Image

from soslab.discovery import fonts, share_images
from soslab.moderation.models import ModerationState
from tests.problems.factories import ProblemFactory
from tests.teams.factories import make_project, make_team


def _png(response):
    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    image = Image.open(BytesIO(response.content))
    assert image.format == "PNG"
    assert image.size == (1200, 630)
    return image


@pytest.mark.django_db
def test_public_problem_has_a_cacheable_share_image(client):
    problem = ProblemFactory(moderation_state=ModerationState.PUBLISHED)
    response = client.get(f"/share/problem/{problem.pk}.png")
    _png(response)
    assert "max-age=86400" in response["Cache-Control"]
    assert "public" in response["Cache-Control"]
    etag = response["ETag"]
    assert etag.startswith(f'"problem-{problem.pk}-')
    again = client.get(f"/share/problem/{problem.pk}.png", headers={"if-none-match": etag})
    assert again.status_code == 304


@pytest.mark.django_db
def test_the_image_is_drawn_once_per_version(client, monkeypatch):
    problem = ProblemFactory(moderation_state=ModerationState.PUBLISHED)
    drawn = []
    real = share_images.render
    monkeypatch.setattr(share_images, "render", lambda *a: drawn.append(a) or real(*a))
    client.get(f"/share/problem/{problem.pk}.png")
    client.get(f"/share/problem/{problem.pk}.png")
    assert len(drawn) == 1
    problem.title = "제목을 고친 문제입니다"
    problem.save()
    first_etag = client.get(f"/share/problem/{problem.pk}.png")["ETag"]
    assert len(drawn) == 2
    files = list(share_images.card_root().glob(f"problem-{problem.pk}-*.png"))
    assert len(files) == 1, "older versions are removed"
    assert first_etag.strip('"') + ".png" == files[0].name


@pytest.mark.django_db
@pytest.mark.parametrize("state", [ModerationState.PENDING, ModerationState.HIDDEN])
def test_no_image_for_a_problem_nobody_may_see(client, state):
    problem = ProblemFactory(moderation_state=state)
    client.force_login(problem.author)  # not even for its author: images are for sharing
    response = client.get(f"/share/problem/{problem.pk}.png")
    assert response.status_code == 404
    assert not list(share_images.card_root().glob(f"problem-{problem.pk}-*"))


@pytest.mark.django_db
def test_a_problem_hidden_after_sharing_loses_its_image(client):
    problem = ProblemFactory(moderation_state=ModerationState.PUBLISHED)
    assert client.get(f"/share/problem/{problem.pk}.png").status_code == 200
    problem.moderation_state = ModerationState.HIDDEN
    problem.save()
    assert client.get(f"/share/problem/{problem.pk}.png").status_code == 404


@pytest.mark.django_db
def test_live_project_has_an_image_and_a_draft_has_none(client):
    team = make_team()
    live = make_project(team)
    draft = make_project(team, live=False)
    _png(client.get(f"/share/project/{live.pk}.png"))
    assert client.get(f"/share/project/{draft.pk}.png").status_code == 404
    # A page id that is not a project page is not a project.
    assert client.get(f"/share/project/{live.get_parent().pk}.png").status_code == 404


def test_the_card_shows_title_category_and_dong_only():
    problem = ProblemFactory.build(
        pk=7, title="전북대 앞 가로등이 꺼져 있어요", location_text="우리집 앞 골목"
    )
    problem.category.colour = "#c2410c"
    card = share_images.problem_card(problem)
    assert (card.title, card.kicker, card.colour) == (
        problem.title,
        problem.category.name,
        "#c2410c",
    )
    fields = {card.key, card.version, card.kicker, card.title, card.detail}
    assert problem.author.public_name not in fields
    assert problem.location_text not in fields


@pytest.mark.django_db
def test_without_a_korean_font_the_card_is_drawn_without_text(client, monkeypatch):
    monkeypatch.setattr(fonts, "find_cjk_font", lambda: None)
    problem = ProblemFactory(moderation_state=ModerationState.PUBLISHED)
    image = _png(client.get(f"/share/problem/{problem.pk}.png"))
    # The pictogram (a pin in the category colour) is drawn in the middle of the card.
    assert image.convert("RGB").getpixel((600, 300)) == (0x1D, 0x4E, 0xD8)


@pytest.mark.skipif(fonts.find_cjk_font() is None, reason="no Korean font on this machine")
def test_with_a_korean_font_the_title_is_drawn():
    card = share_images.ShareCard(
        key="t", version="1", kicker="교통", title="횡단보도", detail="효자1동"
    )
    with_text = Image.open(BytesIO(share_images.render(card, fonts.find_cjk_font())))
    without = Image.open(BytesIO(share_images.render(card, None)))
    assert with_text.size == without.size == (1200, 630)
    # Dark title ink where the title line is.
    region = with_text.convert("L").crop((80, 150, 700, 240))
    assert region.getextrema()[0] < 80


def test_font_finder_prefers_fontconfig_and_falls_back_to_common_paths(monkeypatch):
    fonts.find_cjk_font.cache_clear()
    monkeypatch.setattr(fonts, "_fontconfig_korean", lambda: None)
    monkeypatch.setattr(fonts, "FONT_GLOBS", ("/nonexistent/**/*.ttf",))
    try:
        assert fonts.find_cjk_font() is None
    finally:
        fonts.find_cjk_font.cache_clear()


def test_long_titles_wrap_and_end_with_an_ellipsis():
    font_path = fonts.find_cjk_font()
    if font_path is None:
        pytest.skip("no Korean font on this machine")
    font = share_images._font(font_path, 68)
    lines = share_images.wrap("아주 긴 제목 " * 40, font, 1040, max_lines=3)
    assert len(lines) == 3
    assert lines[-1].endswith("…")
    assert all(font.getlength(line) <= 1040 for line in lines)

"""The safe StreamField blocks: video only from the allow-list, photos only with consent."""

import pytest
from django.core.exceptions import ValidationError

from cms.blocks import PhotoBlock, VideoBlock, video_embed_url


@pytest.mark.parametrize(
    ("url", "embed"),
    [
        (
            "https://www.youtube.com/watch?v=dQw4w9WgXcQ",
            "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ",
        ),
        ("https://youtu.be/dQw4w9WgXcQ", "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ"),
        (
            "https://www.youtube.com/shorts/dQw4w9WgXcQ",
            "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ",
        ),
        ("https://vimeo.com/76979871", "https://player.vimeo.com/video/76979871"),
        ("https://player.vimeo.com/video/76979871", "https://player.vimeo.com/video/76979871"),
    ],
)
def test_allowed_providers_become_privacy_friendly_embeds(url, embed):
    assert video_embed_url(url) == embed


@pytest.mark.parametrize(
    "url",
    [
        "https://www.dailymotion.com/video/x8abcd",
        "https://tv.naver.com/v/12345678",
        "https://evil.example/youtube.com/watch?v=dQw4w9WgXcQ",
        "https://www.youtube.com.evil.example/watch?v=dQw4w9WgXcQ",
        "javascript:alert(1)",
        "https://www.youtube.com/watch?v=<script>",
    ],
)
def test_other_embeds_are_refused_with_a_clear_error(url):
    block = VideoBlock()
    with pytest.raises(ValidationError) as excinfo:
        block.clean(block.to_python({"url": url, "title": "시연 영상", "caption": ""}))
    errors = excinfo.value.block_errors["url"].error_list
    assert "video_provider" in [error.code for error in errors]
    assert any("YouTube" in str(e.message) or "유튜브" in str(e.message) for e in errors)


def test_video_block_renders_only_our_iframe():
    block = VideoBlock()
    value = block.to_python(
        {"url": "https://youtu.be/dQw4w9WgXcQ", "title": "시연 <b>영상</b>", "caption": ""}
    )
    html = block.render(value)
    assert 'src="https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ"' in html
    assert "<b>" not in html
    assert "&lt;b&gt;" in html


@pytest.mark.django_db
def test_photo_needs_the_people_shown_to_have_agreed():
    from wagtail.images.models import Image
    from wagtail.images.tests.utils import get_test_image_file

    image = Image.objects.create(title="시연", file=get_test_image_file())
    block = PhotoBlock()
    with pytest.raises(ValidationError) as excinfo:
        block.clean(
            block.to_python({"image": image.pk, "alt": "", "caption": "", "people_agreed": False})
        )
    assert "people_agreed" in excinfo.value.block_errors

    cleaned = block.clean(
        block.to_python({"image": image.pk, "alt": "", "caption": "", "people_agreed": True})
    )
    assert cleaned["image"] == image


@pytest.mark.django_db
def test_progress_update_photo_needs_agreement():
    from wagtail.images.models import Image
    from wagtail.images.tests.utils import get_test_image_file

    from cms.projects.models import ProjectUpdate

    image = Image.objects.create(title="진행", file=get_test_image_file())
    update = ProjectUpdate(date="2026-05-01", title="시제품 완성", photo=image)
    with pytest.raises(ValidationError) as excinfo:
        update.clean()
    assert "photo_people_agreed" in excinfo.value.message_dict

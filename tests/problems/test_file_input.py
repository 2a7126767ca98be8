"""Every file input (through components/field.html) has a button and an empty-state text in the
page language; the native input stays in the form, named by the field label."""

import pytest

from tests.factories import UserFactory


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "button", "empty"),
    [("ko", "파일 선택", "선택한 파일 없음"), ("en", "Choose files", "No file chosen")],
)
def test_file_input_labelled_in_the_page_language(client, language, button, empty):
    client.force_login(UserFactory())
    client.cookies["django_language"] = language
    html = client.get("/problems/new/").content.decode()
    assert '<div class="file-input">' in html
    assert 'type="file" name="photos"' in html
    assert f'class="file-input__button button button--secondary">{button}</label>' in html
    assert f'data-empty="{empty}"' in html
    assert "js/file-input.js" in html

from soslab.core.text import normalise_text, render_plain_text


def test_plain_text_escaped_with_line_breaks_and_ugc_links():
    html = str(
        render_plain_text(
            "<script>alert(1)</script>\n둘째 줄\n\n새 문단 https://example.kr/a?b=1&c=2"
        )
    )
    assert "<script>" not in html
    assert "&lt;script&gt;" in html
    assert "<br>둘째 줄" in html
    assert html.count("<p>") == 2
    assert 'rel="nofollow ugc"' in html
    assert 'href="https://example.kr/a?b=1&amp;c=2"' in html


def test_attribute_injection_is_escaped():
    html = str(render_plain_text('"><img src=x onerror=alert(1)>'))
    assert "<img" not in html


def test_normalise_text():
    assert normalise_text("  같은   글\n입니다 ABC ") == "같은 글 입니다 abc"

"""highlight(): escaped snippets with the matches in <mark>, through particles and spacing."""

from soslab.core.search import highlight


def test_a_match_with_a_particle_is_marked():
    assert str(highlight("우리 동네는 미세먼지가 심해요", "미세먼지")) == (
        "우리 동네는 <mark>미세먼지</mark>가 심해요"
    )


def test_spaced_compounds_are_marked_as_one():
    assert "<mark>어린이 보호 구역</mark>에서" in highlight(
        "어린이 보호 구역에서 과속", "어린이보호구역"
    )


def test_latin_words_are_marked_whatever_their_case():
    assert "<mark>CCTV</mark>" in highlight("골목에 CCTV를 달아 주세요", "cctv")


def test_the_text_is_escaped():
    html = str(highlight('<script>alert("가로등")</script> 가로등이 꺼졌어요', "가로등"))
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert "<mark>가로등</mark>이" in html


def test_the_snippet_surrounds_the_first_match():
    text = "아주 긴 설명입니다. " * 40 + "횡단보도 신호가 짧아요. " + "끝. " * 40
    html = str(highlight(text, "횡단보도", length=60))
    assert html.startswith("…") and html.endswith("…")
    assert "<mark>횡단보도</mark>" in html
    assert len(html.replace("<mark>", "").replace("</mark>", "")) <= 62


def test_without_a_match_the_start_of_the_text():
    assert str(highlight("가로등이 꺼졌어요", "버스")) == "가로등이 꺼졌어요"
    assert str(highlight("가로등이 꺼졌어요", "")) == "가로등이 꺼졌어요"


def test_a_misspelt_query_marks_the_word_the_fallback_found():
    assert "<mark>효자동</mark>" in highlight("효자동 원룸촌 분리수거장", "효쟈동")

"""Korean analysis: particles and spacing do not matter; the query is analysed like the text."""

import pytest

from soslab.core.search.analysis import (
    GRAM_MARK,
    TITLE_MARK,
    analyse_query,
    index_text,
    kiwi,
)


def tokens(*parts):
    return set(index_text(*parts).split())


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("미세먼지가 심해요", "미세먼지"),
        ("미세먼지를 줄여 주세요", "미세먼지"),
        ("미세 먼지 때문에 창문을 못 열어요", "미세먼지"),
        ("어린이 보호 구역에서 과속", "어린이보호구역"),
        ("어린이보호구역 과속", "어린이보호구역"),
        ("횡단보도에서 넘어졌어요", "횡단보도"),
        ("가로등이 꺼졌어요", "가로등"),
        ("골목길이 어두워요", "어둡"),
        ("LED 가로등", "led"),
    ],
)
def test_text_yields_the_token(text, expected):
    assert expected in tokens(text)


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("미세먼지가", "미세 먼지"),
        ("미세먼지를", "미세먼지"),
        ("어린이보호구역", "어린이 보호 구역"),
        ("횡단보도에서", "횡단보도"),
    ],
)
def test_particles_and_spacing_do_not_change_the_tokens(first, second):
    plain = {t for t in tokens(first) if not t.startswith(GRAM_MARK)}
    assert plain == {t for t in tokens(second) if not t.startswith(GRAM_MARK)}


def test_particles_are_not_tokens():
    found = tokens("미세먼지가 횡단보도에서")
    assert not {"가", "에서", "미세먼지가", "횡단보도에서"} & found


def test_title_tokens_are_marked_and_body_tokens_are_not():
    found = tokens("가로등 고장", "횡단보도 신호")
    assert {TITLE_MARK + "가로등", TITLE_MARK + "고장"} <= found
    assert "횡단보도" in found and TITLE_MARK + "횡단보도" not in found


def test_grams_of_noun_runs_are_stored_for_the_fallback():
    found = tokens("효자동 골목")
    assert {GRAM_MARK + "효자", GRAM_MARK + "자동", GRAM_MARK + "효동"} <= found


def test_latin_words_are_casefolded():
    assert {"cctv", "led"} <= tokens("CCTV와 LED")


def test_empty_parts_are_skipped():
    assert index_text("", None, "  ") == ""
    assert index_text("", "가로등") == index_text("", "가로등", "")


@pytest.mark.parametrize(
    ("query", "components"),
    [
        ("미세먼지", ("미세", "먼지")),
        ("미세먼지가", ("미세", "먼지")),
        ("미세 먼지", ("미세", "먼지")),
        ("어린이 보호 구역", ("어린이", "보호", "구역")),
        ("횡단보도에서", ("횡단보도",)),
        ("그늘막", ("그늘막",)),  # alone Kiwi reads it as an interjection: the word itself
    ],
)
def test_query_terms(query, components):
    assert analyse_query(query).terms[0].components == components


def test_a_query_of_function_words_has_no_terms():
    assert analyse_query("!!! ...").terms == ()
    assert analyse_query("   ").terms == ()


def test_compound_of_a_query_term():
    (term,) = analyse_query("어린이 보호 구역").terms
    assert term.compound == "어린이보호구역"
    assert term.alternatives == [("어린이보호구역",), ("어린이", "보호", "구역")]


def test_kiwi_is_created_once():
    assert kiwi() is kiwi()

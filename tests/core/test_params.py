"""Input hygiene (soslab.core.params, soslab.core.forms, InputHygieneMiddleware): bounded numbers
and ids, no control characters in parameters or form text, precise 400s in each surface's own
format, and feeds that stay well-formed whatever is stored."""

import importlib
import inspect
import json
import pkgutil
import xml.etree.ElementTree as ET

import pytest
from django import forms
from django.http import QueryDict
from django.utils import translation

import soslab
from soslab.core import params
from soslab.core.forms import CleanTextMixin
from soslab.problems.models import Problem
from tests.problems.factories import CITY_HALL, CategoryFactory, ProblemFactory


def _q(**values):
    query = QueryDict(mutable=True)
    query.update(values)
    return query


# --- parsing -------------------------------------------------------------------------------------


@pytest.mark.parametrize("raw", ["inf", "-inf", "nan", "1e400", "abc", "", "35.8 ", "0x10"])
def test_query_float_refuses_non_finite_and_malformed(raw):
    if raw.strip() == "35.8":
        assert params.query_float(_q(lat=raw), "lat", minimum=35, maximum=36) == 35.8
        return
    with pytest.raises(params.BadInput):
        params.query_float(_q(lat=raw), "lat", minimum=35, maximum=36)


def test_query_float_refuses_out_of_bounds():
    with pytest.raises(params.BadInput):
        params.query_float(_q(lat="37.5"), "lat", minimum=35, maximum=36)


@pytest.mark.parametrize("raw", ["0", "-1", "abc", "1.5", str(2**31), str(10**20), "١٢"])
def test_parse_id_refuses_non_ids(raw):
    with pytest.raises(params.BadInput):
        params.parse_id(raw)


def test_parse_id_accepts_the_largest_id():
    assert params.parse_id(str(params.ID_MAX)) == params.ID_MAX


@pytest.mark.parametrize("char", ["\x00", "\x0b", "\x1f", "\ufffe", "\ud800"])
def test_illegal_characters_found_and_stripped(char):
    assert params.has_illegal_characters(f"a{char}b")
    assert params.strip_illegal_characters(f"a{char}b") == "ab"


@pytest.mark.parametrize("char", ["\t", "\n", "\r", "가", "😀"])
def test_ordinary_characters_are_legal(char):
    assert not params.has_illegal_characters(f"a{char}b")


# --- the similar-problems API --------------------------------------------------------------------

SIMILAR = "/problems/similar.json"


@pytest.mark.django_db
@pytest.mark.parametrize(
    "query",
    [
        "lat=inf&lon=127.1",
        "lat=1e400&lon=127.1",
        "lat=nan&lon=127.1",
        "lat=37.56&lon=126.97",  # Seoul: outside Jeonju
        f"lat={CITY_HALL[0]}&lon={CITY_HALL[1]}&category=abc",
        f"lat={CITY_HALL[0]}&lon={CITY_HALL[1]}&category={10**20}",
        "lon=127.1",
    ],
)
def test_similar_json_answers_a_json_400(client, query):
    response = client.get(f"{SIMILAR}?{query}")
    assert response.status_code == 400
    assert response.json()["error"] == "invalid_parameter"


@pytest.mark.django_db
def test_similar_json_still_answers_good_input(client):
    category = CategoryFactory()
    ProblemFactory(category=category)
    response = client.get(f"{SIMILAR}?lat={CITY_HALL[0]}&lon={CITY_HALL[1]}&category={category.pk}")
    assert response.status_code == 200
    assert len(response.json()["results"]) == 1


# --- the middleware backstop ---------------------------------------------------------------------


@pytest.mark.django_db
def test_nul_in_open311_service_code_is_an_open311_error_list(client):
    response = client.get("/open311/v2/requests.json?service_code=%00")
    assert response.status_code == 400
    [error] = response.json()
    assert error["code"] == 400 and error["description"]


@pytest.mark.django_db
def test_nul_in_open311_xml_is_an_xml_error_list(client):
    response = client.get("/open311/v2/requests.xml?service_code=a%00b")
    assert response.status_code == 400
    root = ET.fromstring(response.content)  # noqa: S314 - our own output
    assert root.tag == "errors" and root.find("error/code").text == "400"


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/rounds/%00/", "/problems/%00/", "/%1f", "/map/?dong=%0b"])
def test_control_characters_in_the_address_answer_a_400_page(client, path):
    response = client.get(path)
    assert response.status_code == 400
    assert "제어 문자" in response.content.decode()  # the message, in Korean (the default)


@pytest.mark.django_db
def test_control_characters_in_an_api_address_answer_json(client):
    response = client.get("/api/geo/problems.geojson?category=%00")
    assert response.status_code == 400
    assert response.json()["error"] == "illegal_characters"


@pytest.mark.django_db
def test_nul_in_path_on_postgresql_is_a_400(client, postgres):
    assert client.get("/rounds/a%00b/").status_code == 400


# --- forms ---------------------------------------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize("char", ["\x0b", "\x1f"])
def test_problem_form_refuses_control_characters_and_keeps_the_text(client, citizen, dongs, char):
    category = CategoryFactory()
    client.force_login(citizen)
    data = {
        "title": f"횡단보도{char} 신호",
        "category": category.pk,
        "description": "신호가 너무 짧아서 학생들이 뛰어서 건넙니다.",
        "lat": CITY_HALL[0],
        "lon": CITY_HALL[1],
        "dong": "",
        "location_text": "",
        "tags": "",
        "website": "",
    }
    with translation.override("ko"):
        response = client.post("/problems/new/", data, HTTP_ACCEPT_LANGUAGE="ko")
    html = response.content.decode()
    assert response.status_code == 400
    assert not Problem.objects.exists()
    assert "제어 문자" in html  # the Korean message
    assert "학생들이 뛰어서" in html


def _project_form_classes():
    for module_info in pkgutil.walk_packages(soslab.__path__, "soslab."):
        if module_info.name.rsplit(".", 1)[-1] not in ("forms", "filters"):
            continue
        module = importlib.import_module(module_info.name)
        for _name, cls in inspect.getmembers(module, inspect.isclass):
            if issubclass(cls, forms.BaseForm) and cls.__module__ == module.__name__:
                yield cls


def test_every_project_form_cleans_its_text_fields():
    classes = list(_project_form_classes())
    assert len(classes) > 20
    missing = [cls.__qualname__ for cls in classes if not issubclass(cls, CleanTextMixin)]
    assert not missing


# --- output: stored control characters never break XML or the feed ----------------------------


@pytest.fixture
def dirty_problem(db):
    problem = ProblemFactory()
    # Stored before input hygiene existed (bypasses the forms).
    Problem.objects.filter(pk=problem.pk).update(
        title="신호\x0b등", description="설명\x1f입니다", location_text="앞\x0c"
    )
    return problem


@pytest.mark.django_db
def test_open311_xml_list_stays_well_formed(client, dirty_problem):
    response = client.get("/open311/v2/requests.xml")
    assert response.status_code == 200
    root = ET.fromstring(response.content)  # noqa: S314 - our own output
    assert root.find("request/description").text.endswith("설명입니다")


@pytest.mark.django_db
def test_atom_feed_stays_well_formed(client, dirty_problem):
    response = client.get("/problems/feed/")
    assert response.status_code == 200
    ET.fromstring(response.content)  # noqa: S314 - our own output


@pytest.mark.django_db
def test_open311_json_list_is_valid_json(client, dirty_problem):
    response = client.get("/open311/v2/requests.json")
    assert response.status_code == 200
    json.loads(response.content)


@pytest.mark.django_db
@pytest.mark.parametrize("number", ["0", "1000000000", str(10**20)])
def test_open311_request_beyond_any_id_is_an_open311_404(client, number):
    response = client.get(f"/open311/v2/requests/{number}.json")
    assert response.status_code == 404
    [error] = response.json()
    assert error["code"] == 404


@pytest.mark.django_db
def test_model_choice_by_id_refuses_ids_beyond_the_database_range():
    from soslab.problems.forms import ProblemForm

    form = ProblemForm(data={"category": str(10**20), "title": "t", "description": "d"})
    assert not form.is_valid()
    assert form.errors["category"]


@pytest.mark.django_db
def test_model_choice_by_code_accepts_long_codes(dongs):
    from soslab.problems.filters import ProblemFilterForm

    dong = next(iter(dongs.values()))
    form = ProblemFilterForm(data={"dong": dong.code})
    assert form.is_valid(), form.errors
    assert form.cleaned_data["dong"] == dong

"""The air-quality page: grades, charts with tables, the synthetic label."""

import pytest


@pytest.mark.django_db
def test_air_page_shows_grades_charts_tables_and_the_synthetic_label(client, readings):
    response = client.get("/map/air/")
    html = response.content.decode()
    assert len(response.context["rows"]) == 7
    assert "합성 데이터 (synthetic)" in html
    assert html.count('<svg class="chart"') == 7
    assert 'role="img"' in html
    assert any(g in html for g in ("좋음", "보통", "나쁨", "매우나쁨"))
    row = response.context["rows"][0]
    assert len(row["days"]) >= 7


@pytest.mark.django_db
def test_air_page_without_readings(client, stations):
    html = client.get("/map/air/").content.decode()
    assert "합성 데이터" not in html.split("<main", 1)[1].split("</main>")[0]


@pytest.mark.django_db
def test_air_grade_names_follow_the_page_language(client, readings):
    client.cookies["django_language"] = "en"
    main = client.get("/map/air/").content.decode().split("<main", 1)[1]
    assert "Bad" in main and "Good" in main
    assert not any(g in main for g in ("좋음", "보통", "나쁨", "매우나쁨"))
    client.cookies["django_language"] = "ko"
    main = client.get("/map/air/").content.decode().split("<main", 1)[1]
    assert "나쁨" in main and "좋음" in main

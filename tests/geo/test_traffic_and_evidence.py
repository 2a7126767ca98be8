"""Traffic-layer import (TAAS hotspots, school zones), the 100 m flag, air-quality evidence for a
problem."""

import json
from datetime import timedelta

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from geo.models import AirSource, TrafficKind, TrafficSpot
from geo.services import (
    air_evidence_for,
    air_readings_store,
    traffic_hotspots_near,
)
from geo.synthetic import synthetic_series
from tests.problems.factories import CategoryFactory, ProblemFactory

from .test_hotspots import offset

# Synthetic TAAS-shaped rows (the data.go.kr frequentzone API JSON); not real accident data.
TAAS = {
    "resultCode": "00",
    "resultMsg": "NORMAL_CODE",
    "totalCount": 3,
    "items": {
        "item": [
            {
                "afos_fid": "6100001",
                "afos_id": "2023099",
                "bjd_cd": "4511110100",
                "spot_cd": "45111001",
                "sido_sgg_nm": "전북특별자치도 전주시완산구1",
                "spot_nm": "전북 전주시 완산구 중앙동(테스트 교차로 부근)",
                "occrrnc_cnt": 7,
                "caslt_cnt": 9,
                "dth_dnv_cnt": 0,
                "se_dnv_cnt": 2,
                "sl_dnv_cnt": 6,
                "wnd_dnv_cnt": 1,
                "lo_crd": "127.1411",
                "la_crd": "35.8199",
                "geom_json": json.dumps(
                    {
                        "type": "Polygon",
                        "coordinates": [
                            [
                                [127.1405, 35.8195],
                                [127.1417, 35.8195],
                                [127.1417, 35.8203],
                                [127.1405, 35.8195],
                            ]
                        ],
                    }
                ),
            },
            {
                "afos_fid": "6100002",
                "spot_nm": "익산 테스트 지점",
                "occrrnc_cnt": "4",
                "caslt_cnt": "5",
                "dth_dnv_cnt": "0",
                "lo_crd": "126.9576",
                "la_crd": "35.9483",
            },
            {
                "afos_fid": "6100003",
                "spot_nm": "전주 덕진구 테스트 지점",
                "occrrnc_cnt": "5",
                "caslt_cnt": "6",
                "dth_dnv_cnt": "1",
                "lo_crd": "127.1200",
                "la_crd": "35.8700",
            },
        ]
    },
}


def _file(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.django_db
def test_import_taas_accident_hotspots_twice(tmp_path, capsys):
    path = _file(tmp_path, "taas.json", json.dumps(TAAS, ensure_ascii=False))
    call_command("import_traffic", "accidents", str(path))
    call_command("import_traffic", "accidents", str(path))
    spots = TrafficSpot.objects.filter(kind=TrafficKind.ACCIDENT_HOTSPOT)
    assert sorted(spots.values_list("external_id", flat=True)) == ["6100001", "6100003"]
    first = spots.get(external_id="6100001")
    assert (first.accidents, first.casualties, first.lat, first.lon) == (7, 9, 35.8199, 127.1411)
    assert first.area["type"] == "Polygon"
    assert "0 new, 2 updated, 1 outside Jeonju skipped" in capsys.readouterr().out


@pytest.mark.django_db
def test_import_taas_csv_with_korean_headers(tmp_path):
    text = "사고다발지fid,지점명,사고건수,사상자수,사망자수,경도,위도\n7001,객사 앞,6,8,0,127.1448,35.8196\n"
    call_command("import_traffic", "accidents", str(_file(tmp_path, "taas.csv", text)))
    spot = TrafficSpot.objects.get()
    assert (spot.name, spot.accidents, spot.casualties) == ("객사 앞", 6, 8)


@pytest.mark.django_db
def test_a_bad_traffic_file_stores_nothing(tmp_path):
    bad = json.loads(json.dumps(TAAS))
    bad["items"]["item"][2]["la_crd"] = "north"
    with pytest.raises(CommandError, match="nothing stored"):
        call_command(
            "import_traffic", "accidents", str(_file(tmp_path, "bad.json", json.dumps(bad)))
        )
    assert TrafficSpot.objects.count() == 0


@pytest.mark.django_db
def test_import_school_zones_standard_csv(tmp_path):
    text = (
        "시설종류,대상시설명,소재지도로명주소,위도,경도,관리기관명\n"
        "초등학교,전주테스트초등학교,전북 전주시 완산구 어딘가,35.8209,127.1409,전주시\n"
        "초등학교,익산테스트초등학교,전북 익산시,35.9483,126.9576,익산시\n"
    )
    path = _file(tmp_path, "zones.csv", text)
    call_command("import_traffic", "school-zones", str(path), "--synthetic")
    call_command("import_traffic", "school-zones", str(path), "--synthetic")
    zone = TrafficSpot.objects.get()
    assert zone.kind == TrafficKind.SCHOOL_ZONE
    assert zone.synthetic is True


@pytest.mark.django_db
def test_traffic_hotspots_near_uses_metres():
    TrafficSpot.objects.create(
        kind=TrafficKind.ACCIDENT_HOTSPOT, external_id="a", name="A", lat=35.8400, lon=127.1300
    )
    TrafficSpot.objects.create(
        kind=TrafficKind.SCHOOL_ZONE, external_id="s", name="S", lat=35.8400, lon=127.1300
    )
    near_lon, near_lat = offset(0, 90)  # 90 m north
    far_lon, far_lat = offset(110, 0)  # 110 m east
    (spot,) = traffic_hotspots_near(near_lon, near_lat)
    assert spot.name == "A"
    assert 85 < spot.distance_m < 95
    assert traffic_hotspots_near(far_lon, far_lat) == []
    assert len(traffic_hotspots_near(far_lon, far_lat, metres=150)) == 1
    assert traffic_hotspots_near(None, None) == []


@pytest.mark.django_db
def test_traffic_flag_template(client):
    from django.template.loader import render_to_string

    TrafficSpot.objects.create(
        kind=TrafficKind.ACCIDENT_HOTSPOT,
        external_id="a",
        name="<b>A</b>",
        lat=35.84,
        lon=127.13,
        accidents=4,
        synthetic=True,
    )
    html = render_to_string(
        "geo/traffic_flag.html", {"spots": traffic_hotspots_near(127.13, 35.84)}
    )
    assert "&lt;b&gt;A&lt;/b&gt;" in html
    assert render_to_string("geo/traffic_flag.html", {"spots": []}).strip() == ""


# --- air-quality evidence -------------------------------------------------------------------


@pytest.mark.django_db
def test_air_problem_gets_the_nearest_station_24h_around_the_report(stations):
    reported = timezone.now().replace(minute=30, second=0, microsecond=0) - timedelta(days=2)
    end = timezone.localtime(reported).replace(minute=0) + timedelta(hours=48)
    for station in stations.values():
        air_readings_store(
            station=station,
            readings=synthetic_series(station.name, end, 24 * 5),
            source=AirSource.SYNTHETIC,
        )
    air = CategoryFactory(slug="air")
    s = stations["송천동"]
    problem = ProblemFactory(category=air, lat=s.lat + 0.001, lon=s.lon, created_at=reported)
    evidence = air_evidence_for(problem)
    assert evidence["station"] == s
    assert 100 < evidence["distance_m"] < 120
    assert len(evidence["readings"]) == 48
    assert all(abs(r.hour - reported) <= timedelta(hours=24) for r in evidence["readings"])
    assert evidence["synthetic"] is True
    assert 'role="img"' in evidence["chart"]
    assert "chart__marker" in evidence["chart"]


@pytest.mark.django_db
def test_no_evidence_for_other_categories_or_without_a_point(stations):
    assert air_evidence_for(ProblemFactory(category=CategoryFactory(slug="traffic"))) is None
    assert (
        air_evidence_for(ProblemFactory(category=CategoryFactory(slug="air"), lat=None, lon=None))
        is None
    )


@pytest.mark.django_db
def test_evidence_include_renders_chart_table_and_label(stations):
    from django.template.loader import render_to_string

    end = timezone.localtime().replace(minute=0, second=0, microsecond=0)
    air_readings_store(
        station=stations["노송동"],
        readings=synthetic_series("노송동", end, 30),
        source=AirSource.SYNTHETIC,
    )
    problem = ProblemFactory(category=CategoryFactory(slug="air"))  # at city hall, near 노송동
    html = render_to_string("geo/air_evidence.html", {"evidence": air_evidence_for(problem)})
    assert "노송동" in html
    assert "합성 데이터 (synthetic)" in html
    assert "<table>" in html
    assert render_to_string("geo/air_evidence.html", {"evidence": None}).strip() == ""

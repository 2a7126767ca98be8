import csv

import pytest
from django.conf import settings

from geo import boundaries

with open(settings.GEO_DATA_DIR / "jeonju_admdong_codes.csv", encoding="utf-8") as _fh:
    CODES = list(csv.DictReader(_fh))


def test_there_are_35_dongs_in_two_gu():
    gdf = boundaries.dongs()
    assert len(gdf) == 35
    assert gdf["gu"].value_counts().to_dict() == {"완산구": 19, "덕진구": 16}


@pytest.mark.parametrize("row", CODES, ids=[row["dong_nm"] for row in CODES])
def test_each_dong_representative_point_lands_in_that_dong(row):
    lon, lat = float(row["rep_lon"]), float(row["rep_lat"])
    assert boundaries.in_city(lon, lat)
    assert boundaries.dong_code_at(lon, lat) == row["adm_cd2"]


def test_point_outside_jeonju_is_in_no_dong():
    # Iksan city hall, north of Jeonju
    assert not boundaries.in_city(126.9576, 35.9483)
    assert boundaries.dong_code_at(126.9576, 35.9483) is None


def test_bulk_and_single_assignment_agree():
    lons = [float(r["rep_lon"]) for r in CODES] + [126.9576, 127.1, 127.2]
    lats = [float(r["rep_lat"]) for r in CODES] + [35.9483, 35.82, 35.85]
    bulk = boundaries.dong_codes_at(lons, lats)
    single = [boundaries.dong_code_at(lon, lat) for lon, lat in zip(lons, lats, strict=True)]
    assert bulk == single


@pytest.mark.django_db
def test_dongs_sync_is_idempotent(dongs):
    from geo.models import Dong
    from geo.services import dongs_sync

    assert dongs_sync() == 0
    assert Dong.objects.count() == 35
    assert dongs["중앙동"].gu == "완산구"

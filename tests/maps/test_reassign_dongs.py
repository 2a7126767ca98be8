"""Bulk dong reassignment (manage.py reassign_dongs) agrees with the one-point lookup."""

import csv

import pytest
from django.conf import settings
from django.core.management import call_command

from geo import boundaries
from geo.services import dong_for_point
from tests.problems.factories import ProblemFactory


@pytest.mark.django_db
def test_reassign_dongs_agrees_with_single_assignment(dongs, capsys):
    with open(settings.GEO_DATA_DIR / "jeonju_admdong_codes.csv", encoding="utf-8") as fh:
        points = [(float(r["rep_lon"]), float(r["rep_lat"])) for r in csv.DictReader(fh)]
    points += [(126.9576, 35.9483)]  # Iksan: outside Jeonju
    wrong = dongs["중앙동"]
    made = [ProblemFactory(lon=lon, lat=lat, dong=wrong) for lon, lat in points]
    ProblemFactory(lat=None, lon=None, dong=wrong)
    call_command("reassign_dongs")
    for problem in made:
        problem.refresh_from_db()
        single = dong_for_point(problem.lon, problem.lat)
        assert problem.dong == single
        assert (problem.dong.code if problem.dong else None) == boundaries.dong_code_at(
            problem.lon, problem.lat
        )
    assert made[-1].dong is None
    out = capsys.readouterr().out
    assert "36 problems checked, 35 reassigned, 1 outside Jeonju" in out

"""The one CSV writer: formulas neutralised in every export, and no second writer in the tree."""

import csv
import io
import re
from pathlib import Path

import pytest

from soslab.core.csv import csv_lines, safe_cell
from tests.problems.factories import ProblemFactory

ROOT = Path(__file__).resolve().parents[2]
HOSTILE = [
    '=HYPERLINK("http://evil.example","클릭")',
    "+82-63-000",
    "-2+3+cmd|' /C calc'!A0",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "\t=1+1",
    "\r=1+1",
    "=1+1 제목입니다",
    "-1+1 설명입니다 설명입니다",
]


def _parse(text):
    assert text.startswith("\ufeff")  # Excel needs the BOM for Korean
    return list(csv.reader(io.StringIO(text[1:])))


@pytest.mark.parametrize("value", HOSTILE)
def test_formula_like_text_is_prefixed(value):
    assert safe_cell(value) == "'" + value


def test_numbers_and_plain_text_are_unchanged():
    assert [safe_cell(v) for v in (-3, 2.5, "a=b", "전주", None)] == [-3, 2.5, "a=b", "전주", ""]


def test_csv_lines_stream_one_line_per_row():
    lines = list(csv_lines(["a"], (["=1"], ["x"])))
    assert lines == ["\ufeff", "a\r\n", "'=1\r\n", "x\r\n"]


@pytest.mark.django_db
def test_open_data_csv_escapes_every_hostile_cell(client):
    for index in range(0, len(HOSTILE), 2):
        ProblemFactory(title=HOSTILE[index], description=HOSTILE[index + 1])
    response = client.get("/open-data/problems.csv")
    rows = _parse(b"".join(response.streaming_content).decode("utf-8"))
    header, body = rows[0], rows[1:]
    cells = [row[header.index(name)] for row in body for name in ("title", "description")]
    assert len(cells) == len(HOSTILE)
    assert all(cell.startswith("'") for cell in cells)  # 8 of 8 neutralised


@pytest.mark.django_db
def test_admin_list_export_escapes_formulas(client, staff):
    ProblemFactory(title="=HYPERLINK(1)")
    client.force_login(staff)
    response = client.get("/admin/problem_admin/?export=csv")
    assert response.status_code == 200
    rows = _parse(b"".join(response.streaming_content).decode("utf-8"))
    assert "'=HYPERLINK(1)" in [row[0] for row in rows[1:]]


def test_there_is_exactly_one_csv_writer():
    """csv.writer / csv.DictWriter appear only in soslab/core/csv.py."""
    pattern = re.compile(r"\bcsv\.(writer|DictWriter)\(")
    offenders = []
    for folder in ("soslab", "geo", "cms"):
        for path in (ROOT / folder).rglob("*.py"):
            if path == ROOT / "soslab" / "core" / "csv.py":
                continue
            if pattern.search(path.read_text(encoding="utf-8")):
                offenders.append(str(path.relative_to(ROOT)))
    assert offenders == []

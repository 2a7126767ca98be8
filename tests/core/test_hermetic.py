"""Rules that keep the suite passing in any order (docs/conventions.md, "Any order, any machine")."""

from pathlib import Path

TESTS = Path(__file__).resolve().parents[1]


def test_no_test_asks_for_a_serialized_rollback():
    # Its snapshot collides with the groups and content types a flush's post_migrate recreates;
    # transactional tests get the migration baseline from tests/conftest.py instead.
    offenders = [
        str(path.relative_to(TESTS))
        for path in TESTS.rglob("*.py")
        if path != Path(__file__).resolve()
        and "serialized_rollback=True" in path.read_text(encoding="utf-8")
    ]
    assert offenders == []

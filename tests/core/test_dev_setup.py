"""`manage.py dev_setup` (the set-up step of `make run`): skips what is already done, redoes it
when what it depends on changed."""

import io

import pytest
from django.core.management import call_command

from soslab.core.management.commands import load_demo_data


@pytest.fixture
def quick_demo(monkeypatch, settings, tmp_path):
    """One small demo step, and a stamp and fixtures folder of the test's own."""
    monkeypatch.setattr(load_demo_data, "DEMO_STEPS", ["cms.demo"])
    settings.VAR_DIR = tmp_path / "var"
    settings.FIXTURES_DIR = tmp_path / "fixtures"
    settings.FIXTURES_DIR.mkdir()
    (settings.FIXTURES_DIR / "demo.json").write_text('{"version": 1}')
    return settings.FIXTURES_DIR / "demo.json"


def _run():
    out = io.StringIO()
    call_command("dev_setup", stdout=out)
    return out.getvalue()


@pytest.mark.django_db
def test_first_run_loads_the_demo_and_writes_the_stamp(quick_demo, settings):
    output = _run()

    assert "migrations already applied" in output  # the test database is migrated
    assert "demo content already loaded" not in output
    assert (settings.VAR_DIR / "demo-stamp.json").is_file()


@pytest.mark.django_db
def test_second_run_skips_migrations_and_the_demo_loader(quick_demo, capsys):
    _run()
    capsys.readouterr()

    output = _run()

    assert "migrations already applied" in output
    assert "demo content already loaded (make demo to reload)" in output
    assert "cms.demo" not in capsys.readouterr().out  # the loader did not run


@pytest.mark.django_db
def test_changed_demo_content_is_loaded_again(quick_demo, capsys):
    _run()
    quick_demo.write_text('{"version": 2}')  # a `git pull` changed the demo content
    capsys.readouterr()

    output = _run()

    assert "demo content already loaded" not in output
    assert "cms.demo" in capsys.readouterr().out


@pytest.mark.django_db
def test_reload_flag_loads_the_demo_even_when_unchanged(quick_demo, capsys):
    _run()
    capsys.readouterr()

    out = io.StringIO()
    call_command("dev_setup", "--reload-demo", stdout=out)

    assert "cms.demo" in capsys.readouterr().out


@pytest.mark.django_db
def test_a_change_in_a_module_of_a_package_step_changes_the_stamp(monkeypatch, tmp_path):
    """soslab.problems.demo keeps its rows in sibling modules (wansan.py, clusters.py): editing
    one of them is a demo change, as editing the step's __init__.py is."""
    from soslab.core.management.commands import dev_setup

    package = tmp_path / "demo16_fake_step"
    package.mkdir()
    (package / "__init__.py").write_text("def load(out):\n    return {}\n")
    (package / "rows.py").write_text("ROWS = [1]\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.setattr(dev_setup, "DEMO_STEPS", ["demo16_fake_step"])
    before = dev_setup.demo_stamp()

    (package / "rows.py").write_text("ROWS = [1, 2]\n")

    assert dev_setup.demo_stamp()["demo"] != before["demo"]

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _run_django(settings_module, env_overrides, *args):
    env = {
        k: v
        for k, v in os.environ.items()
        # The browser tests set DJANGO_ALLOW_ASYNC_UNSAFE in this process; a deployment never has it.
        if k not in {"SECRET_KEY", "ALLOWED_HOSTS", "DATABASE_URL", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    }
    env.update({"DJANGO_SETTINGS_MODULE": settings_module, **env_overrides})
    return subprocess.run(  # noqa: S603 - our own interpreter and manage.py
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_production_settings_refuse_to_start_without_secret_key():
    result = _run_django(
        "soslab.settings.production",
        {"ALLOWED_HOSTS": "soslab.example.kr", "DATABASE_URL": "postgres://postgres@127.0.0.1/x"},
        "check",
    )
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_production_settings_refuse_to_start_without_allowed_hosts():
    result = _run_django(
        "soslab.settings.production",
        {"SECRET_KEY": "x" * 50, "DATABASE_URL": "postgres://postgres@127.0.0.1/x"},
        "check",
    )
    assert result.returncode != 0
    assert "ALLOWED_HOSTS must be set" in result.stderr


def test_check_deploy_is_clean_under_production_settings():
    result = _run_django(
        "soslab.settings.production",
        {
            "SECRET_KEY": "q7Vx!m2Lr9#tB4zK8pW1nY6cF3hJ0sD5gA-uE7iO2wR4yT9vN1bM6",
            "ALLOWED_HOSTS": "soslab.example.kr",
            "DATABASE_URL": "postgres://postgres@127.0.0.1:5432/deploy_check",
        },
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
    )
    assert result.returncode == 0, result.stderr + result.stdout
    assert "no issues" in result.stdout


def test_settings_package_init_is_empty_and_test_settings_do_not_derive_from_dev():
    settings_dir = ROOT / "soslab" / "settings"
    assert (settings_dir / "__init__.py").read_text().strip() == ""
    assert "from .dev" not in (settings_dir / "test.py").read_text()
    assert "from .base import" in (settings_dir / "test.py").read_text()


def test_base_settings_are_secure_by_default():
    from soslab.settings import base

    assert base.DEBUG is False or os.environ.get("DJANGO_DEBUG")
    assert base.LANGUAGE_CODE == "ko"
    assert base.TIME_ZONE == "Asia/Seoul"
    assert base.USE_TZ is True
    assert base.X_FRAME_OPTIONS == "DENY"
    assert "csp.middleware.CSPMiddleware" in base.MIDDLEWARE

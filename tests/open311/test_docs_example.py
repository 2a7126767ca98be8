"""The client examples in docs/open311.md (curl and Python) run against a live server."""

import contextlib
import io
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from soslab.open311.keys import key_issue
from tests.problems.factories import CategoryFactory

DOC = Path(__file__).resolve().parents[2] / "docs" / "open311.md"


def _block(language):
    return re.search(rf"```{language}\n(.*?)```", DOC.read_text(), re.S).group(1)


@pytest.fixture
def live_setup(live_server, dongs):
    CategoryFactory(slug="road", name="도로")
    _key, token = key_issue(name="docs example", contact="docs@example.org")
    return f"{live_server.url}/open311/v2", token


@pytest.mark.django_db(transaction=True)
def test_the_python_example_runs(live_setup):
    base, token = live_setup
    code = _block("python")
    code = code.replace('"http://localhost:8000/open311/v2"', repr(base))
    code = code.replace('"paste-your-key-here"', repr(token))
    output = io.StringIO()
    with contextlib.redirect_stdout(output):
        exec(compile(code, str(DOC), "exec"), {})  # noqa: S102 (our own documentation)
    assert output.getvalue().startswith("token ")


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(shutil.which("curl") is None, reason="needs curl")
def test_the_curl_example_runs(live_setup):
    base, token = live_setup
    script = _block("sh")
    script = script.replace("http://localhost:8000/open311/v2", base)
    script = script.replace("paste-your-key-here", token)
    result = subprocess.run(  # noqa: S603
        ["bash", "-euo", "pipefail", "-c", script],  # noqa: S607
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    assert result.stdout.startswith("[")
    assert '"token"' in result.stdout

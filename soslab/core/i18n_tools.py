"""Message catalogue tools that are safe to run from several shells at once (a file lock).

    python -m soslab.core.i18n_tools update          # makemessages for ko and en, then compile
    python -m soslab.core.i18n_tools add FILE.json   # {"English msgid": "한국어", ...} into ko, compile
    python -m soslab.core.i18n_tools missing         # list untranslated ko entries

Compiled .mo files are committed, so running the site never needs GNU gettext.
"""

import fcntl
import json
import os
import sys
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
KO_PO = ROOT / "locale" / "ko" / "LC_MESSAGES" / "django.po"


@contextmanager
def _locked():
    lock_path = ROOT / "var" / "i18n.lock"
    lock_path.parent.mkdir(exist_ok=True)
    with open(lock_path, "w") as fh:
        fcntl.flock(fh, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)


def _setup_django():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "soslab.settings.dev")
    import django

    django.setup()


def update():
    _setup_django()
    from django.core.management import call_command

    from .compilemessages import compile_all

    with _locked():
        call_command(
            "makemessages",
            locale=["ko", "en"],
            ignore_patterns=[".venv/*", ".tools/*", "var/*", "tests/*", "benchmarks/*"],
            no_obsolete=True,
            verbosity=0,
        )
        compile_all()


def add(json_path):
    import polib

    from .compilemessages import compile_all

    translations = json.loads(Path(json_path).read_text(encoding="utf-8"))
    with _locked():
        po = polib.pofile(str(KO_PO))
        known = {entry.msgid: entry for entry in po}
        unknown = []
        for msgid, msgstr in translations.items():
            entry = known.get(msgid)
            if entry is None:
                unknown.append(msgid)
                continue
            if entry.msgid_plural:
                entry.msgstr_plural = {0: msgstr}
            else:
                entry.msgstr = msgstr
            if "fuzzy" in entry.flags:
                entry.flags.remove("fuzzy")
        po.save()
        compile_all()
    if unknown:
        print(f"{len(unknown)} msgids are not in the catalogue (run `update` first?):")  # noqa: T201
        for msgid in unknown:
            print(f"  {msgid!r}")  # noqa: T201


def missing():
    import polib

    po = polib.pofile(str(KO_PO))
    for entry in po.untranslated_entries() + po.fuzzy_entries():
        print(repr(entry.msgid))  # noqa: T201


if __name__ == "__main__":
    command = sys.argv[1] if len(sys.argv) > 1 else "missing"
    if command == "update":
        update()
    elif command == "add":
        add(sys.argv[2])
    else:
        missing()

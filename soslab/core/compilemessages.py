"""Compile locale/*/LC_MESSAGES/django.po to .mo with polib, so no GNU gettext is needed.

The compiled .mo files are committed; `make messages` refreshes them after makemessages.
"""

from pathlib import Path

import polib

LOCALE_DIR = Path(__file__).resolve().parents[2] / "locale"


def compile_all(locale_dir=LOCALE_DIR):
    compiled = []
    for po_path in sorted(locale_dir.glob("*/LC_MESSAGES/*.po")):
        po = polib.pofile(str(po_path))
        po.save_as_mofile(str(po_path.with_suffix(".mo")))
        compiled.append((po_path, po.percent_translated()))
    return compiled


if __name__ == "__main__":
    for path, percent in compile_all():
        print(f"compiled {path.relative_to(LOCALE_DIR.parent)} ({percent}% translated)")  # noqa: T201

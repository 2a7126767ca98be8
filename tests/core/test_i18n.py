"""The Korean catalogue is complete and the committed .mo files match their .po sources."""

from pathlib import Path

import polib

LOCALE = Path(__file__).resolve().parents[2] / "locale"


def test_korean_catalogue_has_no_untranslated_or_fuzzy_entries():
    po = polib.pofile(str(LOCALE / "ko" / "LC_MESSAGES" / "django.po"))
    untranslated = [entry.msgid for entry in po.untranslated_entries() + po.fuzzy_entries()]
    assert untranslated == [], "run `make messages` and translate these"


def test_committed_mo_files_are_compiled_from_their_po(tmp_path):
    for language in ("ko", "en"):
        po_path = LOCALE / language / "LC_MESSAGES" / "django.po"
        fresh = tmp_path / f"{language}.mo"
        polib.pofile(str(po_path)).save_as_mofile(str(fresh))
        committed = polib.mofile(str(po_path.with_suffix(".mo")))
        expected = polib.mofile(str(fresh))
        assert {e.msgid: e.msgstr for e in committed} == {e.msgid: e.msgstr for e in expected}, (
            language
        )

"""collectstatic with the production storage (whitenoise's compressed manifest) must succeed: a
vendored file that references a missing file (e.g. a source map) makes it fail, and without the
manifest every production page is a 500."""

import json

from django.conf import settings
from django.core.management import call_command
from django.test import override_settings

PRODUCTION_STORAGES = {
    **settings.STORAGES,
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}


def test_collectstatic_with_the_manifest_storage_writes_hashed_files(tmp_path):
    with override_settings(STATIC_ROOT=tmp_path, STORAGES=PRODUCTION_STORAGES):
        call_command("collectstatic", "--noinput", verbosity=0)
    manifest = json.loads((tmp_path / "staticfiles.json").read_text())["paths"]
    hashed = manifest["vendor/leaflet/leaflet.js"]
    assert hashed != "vendor/leaflet/leaflet.js"
    assert (tmp_path / hashed).is_file()
    assert (tmp_path / f"{hashed}.gz").is_file()
    assert "vendor/leaflet.markercluster/leaflet.markercluster.js" in manifest

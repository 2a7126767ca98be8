"""Bring citizen uploads in line with the private-by-default rule (soslab.core.media).

    python manage.py media_sync

1. Files of registered kinds still in the old flat layout (MEDIA_ROOT/problems/..., from before
   private storage) are moved into MEDIA_ROOT/private/ under the same name.
2. Every registered object is synced: its files are copied to MEDIA_ROOT/public/ when it is
   public and removed from there when it is not.

Idempotent: run it after deploying the private-storage change, and any time as a repair.
"""

import shutil
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand

from soslab.core import media


class Command(BaseCommand):
    help = "Move legacy uploads to private storage and publish exactly the public ones."

    def handle(self, *args, **options):
        private_root = Path(settings.PRIVATE_MEDIA_ROOT)
        legacy_root = Path(settings.MEDIA_ROOT)
        moved = synced = 0
        for kind in media.kinds():
            owners = {}
            for row in kind.model.objects.all().iterator():
                for field in kind.fields:
                    name = getattr(row, field).name
                    legacy = legacy_root / name
                    target = private_root / name
                    if name and legacy.is_file() and not target.exists():
                        target.parent.mkdir(parents=True, exist_ok=True)
                        shutil.move(legacy, target)
                        moved += 1
                owner = kind.owner(row)
                owners[owner.pk] = owner
            for owner in owners.values():
                media.sync_owner(kind, owner)
                synced += 1
        self.stdout.write(f"Moved {moved} files to private storage; synced {synced} objects.")

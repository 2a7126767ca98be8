"""`make restore BACKUP=path`: restore a `make backup` folder into an empty database."""

from django.core.management.base import BaseCommand, CommandError

from soslab.core.backup import BackupError, backup_restore


class Command(BaseCommand):
    help = (
        "Restore a backup folder (from `manage.py backup`) into the configured database, which "
        "must be empty unless --force, and MEDIA_ROOT; then compare row counts with the manifest."
    )

    def add_arguments(self, parser):
        parser.add_argument("folder", help="The backup folder (its path printed by `backup`).")
        parser.add_argument(
            "--force",
            action="store_true",
            help="Overwrite a database that already has tables and files already in MEDIA_ROOT.",
        )
        parser.add_argument("--database", default="default", help="Database alias.")

    def _say(self, text):
        self.stdout.write(text)
        self.stdout.flush()

    def handle(self, *args, folder, force, database, **options):
        try:
            mismatches = backup_restore(folder=folder, force=force, alias=database, say=self._say)
        except BackupError as exc:
            raise CommandError(str(exc)) from exc
        if mismatches:
            for label, (expected, restored) in mismatches.items():
                self.stderr.write(f"{label}: {expected} rows in the backup, {restored} restored")
            raise CommandError(f"{len(mismatches)} tables differ from the backup's manifest")
        self.stdout.write(self.style.SUCCESS(f"restored {folder}; every row count matches"))

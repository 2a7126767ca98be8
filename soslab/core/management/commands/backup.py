"""`make backup`: one timestamped folder with the database, MEDIA_ROOT and a manifest.

The last line printed is the folder's path, so scripts can do `path=$(manage.py backup | tail -1)`.
"""

from django.core.management.base import BaseCommand, CommandError

from soslab.core.backup import BackupError, backup_create, backup_prune


class Command(BaseCommand):
    help = (
        "Back up the database (SQLite online backup or pg_dump) and MEDIA_ROOT into a new "
        "timestamped folder under BACKUP_DIR; prints the folder's path last."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dir", dest="directory", help="Where to create the folder (default: BACKUP_DIR)."
        )
        parser.add_argument("--database", default="default", help="Database alias.")
        parser.add_argument(
            "--keep-daily",
            type=int,
            help="After the backup, keep the newest folder of each of this many days (e.g. 14)...",
        )
        parser.add_argument(
            "--keep-weekly",
            type=int,
            default=0,
            help="...and of each of this many ISO weeks (e.g. 8); delete the other folders.",
        )

    def _say(self, text):
        self.stdout.write(text)
        self.stdout.flush()

    def handle(self, *args, directory, database, keep_daily, keep_weekly, **options):
        try:
            folder = backup_create(directory=directory, alias=database, say=self._say)
        except BackupError as exc:
            raise CommandError(str(exc)) from exc
        if keep_daily is not None:
            for old in backup_prune(
                directory=directory, keep_daily=max(keep_daily, 1), keep_weekly=keep_weekly
            ):
                self._say(f"==> deleted old backup {old}")
        self.stdout.write(str(folder))

"""`make run`'s set-up step: migrate and load the demo content only when something changed.

- Migrations: applied only when the migration plan is not empty ("migrations already applied").
- Demo content: loaded only when the demo stamp differs. The stamp is a hash of what the demo
  loader reads (every step module in soslab.core.loaders (reference and demo; every module of a
  package step), the pictures it draws (soslab.core.illustrations), the loader itself, fixtures/, the
  lock file, the applied migrations and SOSLAB_DEMO_ACCOUNTS) together with the identity of the
  database (its name and when its first migration was applied, so a recreated database is a new
  one). It lives in VAR_DIR/demo-stamp.json and is written after a successful load.

So a second `make run` starts in seconds, and a `git pull` that adds a migration or changes demo
content migrates and reloads once. `make demo` always reloads.
"""

import hashlib
import importlib.util
import json
from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import DEFAULT_DB_ALIAS, connections
from django.db.migrations.executor import MigrationExecutor
from django.db.migrations.recorder import MigrationRecorder

from soslab.core.loaders import DEMO_STEPS, REFERENCE_STEPS


def pending_migrations(alias=DEFAULT_DB_ALIAS):
    executor = MigrationExecutor(connections[alias])
    return executor.migration_plan(executor.loader.graph.leaf_nodes())


def _database_identity(alias):
    """Name plus the time its first migration was applied: a recreated database differs."""
    first = MigrationRecorder.Migration.objects.using(alias).order_by("applied", "id").first()
    name = connections[alias].settings_dict["NAME"]
    return f"{name}@{first.applied.isoformat() if first else '-'}"


def demo_stamp(alias=DEFAULT_DB_ALIAS):
    digest = hashlib.sha256()
    steps = REFERENCE_STEPS + DEMO_STEPS
    files = []
    for step in [*steps, "soslab.core.illustrations"]:
        spec = importlib.util.find_spec(step)
        origin = Path(spec.origin)
        # A package step (soslab.problems.demo) reads its sibling modules too.
        files += sorted(origin.parent.glob("*.py")) if spec.submodule_search_locations else [origin]
    files.append(Path(__file__).with_name("load_demo_data.py"))
    files.append(Path(importlib.util.find_spec("soslab.core.loaders").origin))
    files += sorted(path for path in Path(settings.FIXTURES_DIR).rglob("*") if path.is_file())
    files.append(Path(settings.BASE_DIR) / "uv.lock")
    for path in files:
        if path.is_file():
            digest.update(path.name.encode())
            digest.update(path.read_bytes())
    recorder = MigrationRecorder(connections[alias])
    digest.update(repr(sorted(recorder.applied_migrations())).encode())
    digest.update(repr(settings.SOSLAB_DEMO_ACCOUNTS).encode())
    return {"database": _database_identity(alias), "demo": digest.hexdigest()}


def stamp_path():
    return Path(settings.VAR_DIR) / "demo-stamp.json"


def read_stamp():
    try:
        return json.loads(stamp_path().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


class Command(BaseCommand):
    help = (
        "Migrate if needed and load the demo content if it changed (make run). Says what it skips."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--reload-demo", action="store_true", help="Load the demo content even if unchanged."
        )

    def handle(self, *args, reload_demo, **options):
        if pending_migrations():
            call_command("migrate", interactive=False, verbosity=1)
        else:
            self.stdout.write("· migrations already applied")
        stamp = demo_stamp()
        if not reload_demo and read_stamp() == stamp:
            self.stdout.write("· demo content already loaded (make demo to reload)")
            return
        call_command("load_demo_data")
        stamp_path().parent.mkdir(parents=True, exist_ok=True)
        stamp_path().write_text(json.dumps(stamp, indent=2) + "\n", encoding="utf-8")

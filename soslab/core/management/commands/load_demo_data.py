"""Load the Jeonju demo content. Idempotent: a second run changes nothing and duplicates nothing.

Each app that has demo content provides a `demo.py` module with `load(out)`; this command calls
them in dependency order inside one transaction per step, then refreshes the planner statistics
(ANALYZE). Tests never depend on this data. `make run` calls it through `dev_setup`, which skips it
when nothing it reads changed.
"""

import importlib
import importlib.util

from django.core.management.base import BaseCommand
from django.db import transaction
from django.test.utils import override_settings

from soslab.core.db import planner_statistics_refresh

DEMO_STEPS = [
    "cms.demo",
    "soslab.accounts.demo",
    "geo.demo",
    "soslab.problems.demo",
    "soslab.moderation.demo",
    "soslab.ideas.demo",
    "soslab.teams.demo",
    "soslab.comments.demo",  # last: discussions on the problems and ideas above
]


class Command(BaseCommand):
    help = "Load Jeonju demo content (dongs, stations, pages, problems, rounds, teams). Safe to re-run."

    def handle(self, *args, **options):
        # Demo content triggers the same notifications real content does (workflow submissions,
        # moderation notices); they go to demo addresses, so keep them in memory, never in the
        # console or an SMTP server.
        with override_settings(EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend"):
            self._load_all()
        # Fresh planner statistics for the tables the demo just filled (docs/operations.md).
        planner_statistics_refresh()

    def _load_all(self):
        for step in DEMO_STEPS:
            if importlib.util.find_spec(step) is None:
                continue
            module = importlib.import_module(step)
            self.stdout.write(f"· {step} ...", ending="")
            self.stdout.flush()
            with transaction.atomic():
                summary = module.load(self.stdout) or {}
            details = ", ".join(f"{key} {value}" for key, value in summary.items())
            self.stdout.write(self.style.SUCCESS(f" ok{': ' + details if details else ''}"))

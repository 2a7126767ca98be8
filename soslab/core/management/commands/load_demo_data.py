"""Load the Jeonju demo content. Idempotent: a second run changes nothing and duplicates nothing.

Runs the reference data first (soslab.core.loaders.REFERENCE_STEPS, the same steps as
`load_reference_data`), then each app's `demo.py` (`load(out)`) in dependency order, one
transaction per step, then refreshes the planner statistics (ANALYZE). Tests never depend on this
data. `make run` calls it through `dev_setup`, which skips it when nothing it reads changed.
"""

from django.core.management.base import BaseCommand
from django.test.utils import override_settings

from soslab.core.db import planner_statistics_refresh
from soslab.core.loaders import DEMO_STEPS, REFERENCE_STEPS, steps_run


class Command(BaseCommand):
    help = "Load Jeonju demo content (dongs, stations, pages, problems, rounds, teams). Safe to re-run."

    def handle(self, *args, **options):
        # Demo content triggers the same notifications real content does (workflow submissions,
        # moderation notices); they go to demo addresses, so keep them in memory, never in the
        # console or an SMTP server.
        with override_settings(EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend"):
            steps_run(steps=REFERENCE_STEPS + DEMO_STEPS, stdout=self.stdout, style=self.style)
        # Fresh planner statistics for the tables the demo just filled (docs/operations.md).
        planner_statistics_refresh()

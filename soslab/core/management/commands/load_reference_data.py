"""Bring an installation up as the platform: the reference data every install needs (dongs and
air-quality stations, the page tree with the home page as the Site root, problem categories,
answer templates, the Moderators group, hide reasons), in Korean and English, and no demo people
or demo content. Idempotent: run it on every deploy; a second run changes nothing."""

from django.core.management.base import BaseCommand

from soslab.core.loaders import REFERENCE_STEPS, steps_run


class Command(BaseCommand):
    help = (
        "Create what every installation needs (dongs, stations, page tree, categories, groups). "
        "Safe to re-run."
    )

    def handle(self, *args, **options):
        steps_run(steps=REFERENCE_STEPS, stdout=self.stdout, style=self.style)

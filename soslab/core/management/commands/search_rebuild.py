"""Recompute the search text of every model registered for search and rebuild the index
(SQLite FTS5 tables, PostgreSQL GIN indexes). Safe to run any time; see docs/search.md."""

from django.core.management.base import BaseCommand
from tqdm import tqdm

from soslab.core.search import index
from soslab.core.search.rebuild import search_text_rebuild


class Command(BaseCommand):
    help = "Recompute search_text of every registered model and rebuild the search index."

    def add_arguments(self, parser):
        parser.add_argument(
            "--model", action="append", default=[], help="Only this model (app_label.Model)."
        )

    def handle(self, *args, **options):
        wanted = {label.lower() for label in options["model"]}
        for reg in index.registrations():
            if wanted and reg.model._meta.label_lower not in wanted:
                continue
            total = reg.model._default_manager.count()
            with tqdm(total=total, desc=reg.model._meta.label, unit="row", disable=None) as bar:
                done = search_text_rebuild(reg, progress=bar.update)
            self.stdout.write(f"{reg.model._meta.label}: {done} rows analysed, index rebuilt")

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "soslab.core"
    label = "core"
    verbose_name = _("Core")

    def ready(self):
        from django.db.models.signals import post_migrate

        from .observability import signals_connect
        from .search.index import ensure_indexes

        signals_connect()
        # Every registered model's search index (SQLite FTS5 tables and triggers, PostgreSQL GIN
        # indexes), idempotently once migrate has finished (docs/search.md).
        post_migrate.connect(ensure_indexes, sender=self, dispatch_uid="search_ensure_indexes")

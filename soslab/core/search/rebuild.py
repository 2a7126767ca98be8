"""Recomputing every registered model's search_text and rebuilding the database index
(`manage.py search_rebuild`)."""

from django.db import migrations, transaction

from . import index
from .analysis import index_text

BATCH = 500


def search_text_rebuild(reg, *, progress=None, batch=BATCH):
    """Recompute `search_text` of every row of one registered model from `reg.parts`, in
    batches (each its own transaction; the triggers or the GIN index follow), then rebuild the
    database index. `progress(n)` is called after each batch. Returns the number of rows."""
    done = 0
    if reg.parts is not None:
        queryset = reg.queryset() if reg.queryset else reg.model._default_manager.all()
        ids = list(queryset.order_by("pk").values_list("pk", flat=True))
        for start in range(0, len(ids), batch):
            rows = list(queryset.filter(pk__in=ids[start : start + batch]))
            changed = []
            for row in rows:
                text = index_text(*reg.parts(row))
                if text != row.search_text:
                    row.search_text = text
                    changed.append(row)
            with transaction.atomic():
                reg.model._default_manager.bulk_update(changed, ["search_text"])
            done += len(rows)
            if progress is not None:
                progress(len(rows))
    index.rebuild_index(reg)
    return done


def migration_operation(app_label, model_name, parts, *, select=(), prefetch=()):
    """A RunPython operation writing `search_text` of every existing row of a historical model
    from `parts(row)` (the analysis as it is now; run once when a model joins the index or the
    analysis changes). Reverse: nothing to undo."""

    def forward(apps, schema_editor):
        model = apps.get_model(app_label, model_name)
        rows = model._default_manager.using(schema_editor.connection.alias)
        ids = list(rows.order_by("pk").values_list("pk", flat=True))
        for start in range(0, len(ids), BATCH):
            chunk = list(
                rows.filter(pk__in=ids[start : start + BATCH])
                .select_related(*select)
                .prefetch_related(*prefetch)
            )
            for row in chunk:
                row.search_text = index_text(*parts(row))
            model._default_manager.bulk_update(chunk, ["search_text"])

    return migrations.RunPython(forward, migrations.RunPython.noop, elidable=True)

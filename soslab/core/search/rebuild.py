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


def _historical_tags(apps, model, ids, through):
    """{pk: [tag names]} of historical rows: `through` is "app.Model" of a taggit through model
    with a `content_object` foreign key, or None for taggit's generic TaggedItem."""
    found = {}
    if through is None:
        content_types = apps.get_model("contenttypes", "ContentType")
        content_type = content_types.objects.filter(
            app_label=model._meta.app_label, model=model._meta.model_name
        ).first()
        if content_type is None:  # a fresh database: no content type, so no tags yet
            return found
        rows = apps.get_model("taggit", "TaggedItem").objects.filter(
            content_type_id=content_type.pk, object_id__in=ids
        )
        pairs = rows.values_list("object_id", "tag__name")
    else:
        rows = apps.get_model(*through.split(".")).objects.filter(content_object_id__in=ids)
        pairs = rows.values_list("content_object_id", "tag__name")
    for pk, name in pairs.order_by("pk"):
        found.setdefault(pk, []).append(name)
    return found


def migration_operation(app_label, model_name, parts, *, select=(), tags_through=None):
    """A RunPython operation writing `search_text` of every existing row of a historical model
    from `parts(row, tag_names)` (the analysis as it is now; run once when a model joins the
    index or the analysis changes). Reverse: nothing to undo."""

    def forward(apps, schema_editor):
        model = apps.get_model(app_label, model_name)
        rows = model._default_manager.using(schema_editor.connection.alias)
        ids = list(rows.order_by("pk").values_list("pk", flat=True))
        for start in range(0, len(ids), BATCH):
            batch_ids = ids[start : start + BATCH]
            tags = _historical_tags(apps, model, batch_ids, tags_through)
            chunk = list(rows.filter(pk__in=batch_ids).select_related(*select))
            for row in chunk:
                row.search_text = index_text(*parts(row, tags.get(row.pk, [])))
            model._default_manager.bulk_update(chunk, ["search_text"])

    return migrations.RunPython(forward, migrations.RunPython.noop, elidable=True)

# The search index of problems on PostgreSQL (a GIN index on to_tsvector('simple', search_text));
# SQLite's FTS5 table is made by soslab.core.search.index.ensure_indexes after migrate.
# search_text is recomputed by `manage.py search_rebuild` (docs/search.md).

from django.db import migrations

from soslab.core.search.index import pg_index_operation


class Migration(migrations.Migration):

    dependencies = [
        ("problems", "0005_photos_private_storage"),
    ]

    operations = [pg_index_operation("problems_problem")]

# Problems' search_text becomes the analysed tokens of soslab.core.search (docs/search.md),
# rewritten here for the existing problems, with its GIN index on PostgreSQL (SQLite's FTS5 table
# is made by ensure_indexes after migrate). `manage.py search_rebuild` does the same any time.

from django.db import migrations

from soslab.core.search.index import pg_index_operation
from soslab.core.search.rebuild import migration_operation


def _parts(problem, tags):
    dong = f"{problem.dong.gu} {problem.dong.name}" if problem.dong_id else ""
    return (problem.title, problem.description, " ".join(tags), problem.location_text, dong)


class Migration(migrations.Migration):

    dependencies = [
        ("problems", "0005_photos_private_storage"),
    ]

    operations = [
        migration_operation("problems", "Problem", _parts, select=["dong"]),
        pg_index_operation("problems_problem"),
    ]

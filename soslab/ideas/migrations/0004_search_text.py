# Ideas join the search index (soslab.core.search, docs/search.md): the analysed search_text,
# written for the existing ideas, and its GIN index on PostgreSQL (SQLite's FTS5 table is made by
# ensure_indexes after migrate).

from django.db import migrations, models

from soslab.core.search.index import pg_index_operation
from soslab.core.search.rebuild import migration_operation


def _parts(idea, tags):
    return (idea.title, idea.summary, idea.description, " ".join(tags), idea.team_name)


class Migration(migrations.Migration):

    dependencies = [
        ("ideas", "0003_round_results"),
    ]

    operations = [
        migrations.AddField(
            model_name="idea",
            name="search_text",
            field=models.TextField(blank=True, default="", editable=False),
        ),
        migration_operation("ideas", "Idea", _parts, tags_through="ideas.TaggedIdea"),
        pg_index_operation("ideas_idea"),
    ]

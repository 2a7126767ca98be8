"""Open311Key and Open311Submission moved to the open311 app (soslab/open311/models.py): they
leave geo's state only; their tables (geo_open311key, geo_open311submission) stay as they are."""

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('geo', '0004_open311_keys'),
        ('open311', '0001_initial'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.DeleteModel(name='Open311Submission'),
                migrations.DeleteModel(name='Open311Key'),
            ],
            database_operations=[],
        ),
    ]

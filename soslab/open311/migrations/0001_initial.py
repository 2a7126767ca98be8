"""The Open311 models move here from geo: the tables stay (geo_open311key, geo_open311submission),
only Django's state changes; geo.0005 removes them from geo's state. Content types (and so the
permissions given to groups) follow the models."""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


def content_types_follow(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    for model in ("open311key", "open311submission"):
        if not ContentType.objects.filter(app_label="open311", model=model).exists():
            ContentType.objects.filter(app_label="geo", model=model).update(app_label="open311")


def content_types_back(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    for model in ("open311key", "open311submission"):
        if not ContentType.objects.filter(app_label="geo", model=model).exists():
            ContentType.objects.filter(app_label="open311", model=model).update(app_label="geo")


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('geo', '0004_open311_keys'),
        ('problems', '0005_photos_private_storage'),
        ('contenttypes', '0002_remove_content_type_name'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name='Open311Key',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('name', models.CharField(max_length=100, unique=True, verbose_name='name')),
                        ('contact', models.CharField(max_length=200, verbose_name='contact')),
                        ('rate_limit', models.PositiveIntegerField(default=60, help_text='Posted requests per hour.', verbose_name='requests per hour')),
                        ('allowed_service_codes', models.CharField(blank=True, help_text='Comma-separated service codes; empty means every service.', max_length=500, verbose_name='allowed service codes')),
                        ('key_hash', models.CharField(editable=False, max_length=64, unique=True)),
                        ('prefix', models.CharField(editable=False, max_length=8, verbose_name='key starts with')),
                        ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='created at')),
                        ('revoked_at', models.DateTimeField(blank=True, editable=False, null=True, verbose_name='revoked at')),
                        ('user', models.OneToOneField(editable=False, on_delete=django.db.models.deletion.PROTECT, related_name='open311_key', to=settings.AUTH_USER_MODEL, verbose_name='service account')),
                    ],
                    options={
                        'verbose_name': 'Open311 API key',
                        'verbose_name_plural': 'Open311 API keys',
                        'ordering': ['name'],
                        'db_table': 'geo_open311key',
                    },
                ),
                migrations.CreateModel(
                    name='Open311Submission',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('token', models.CharField(max_length=32, unique=True)),
                        ('created_at', models.DateTimeField(auto_now_add=True)),
                        ('key', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='submissions', to='open311.open311key')),
                        ('problem', models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, related_name='open311_submission', to='problems.problem')),
                    ],
                    options={
                        'ordering': ['-created_at'],
                        'db_table': 'geo_open311submission',
                    },
                ),
            ],
            database_operations=[],
        ),
        migrations.RunPython(content_types_follow, content_types_back),
    ]

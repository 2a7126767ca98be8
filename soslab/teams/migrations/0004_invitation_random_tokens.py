"""Invitation links carry a random token stored as its SHA-256 hash, and are single-use.

Links made before this migration were signed ids (the same for anyone who asked, so they could be
rebuilt by walking ids). They are invalidated here: each old row gets the hash of a random token
nobody ever saw, and is marked withdrawn, so an old link answers "not valid" and leaders make new
ones."""

import hashlib
import secrets

from django.conf import settings
from django.db import migrations, models
from django.utils import timezone


def invalidate_old_links(apps, schema_editor):
    Invitation = apps.get_model("teams", "Invitation")
    now = timezone.now()
    for invitation in Invitation.objects.filter(token_hash__isnull=True).only("pk", "revoked_at"):
        unknown = hashlib.sha256(secrets.token_urlsafe(32).encode()).hexdigest()
        Invitation.objects.filter(pk=invitation.pk).update(
            token_hash=unknown, revoked_at=invitation.revoked_at or now
        )


class Migration(migrations.Migration):
    dependencies = [
        ("teams", "0003_project_review_workflow"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name="invitation",
            name="token_hash",
            field=models.CharField(
                editable=False, max_length=64, null=True, verbose_name="token hash"
            ),
        ),
        migrations.RunPython(invalidate_old_links, migrations.RunPython.noop, elidable=True),
    ]

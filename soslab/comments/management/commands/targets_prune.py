"""Find (and with --delete remove) comments, follows and notifications attached to models that are
not registered targets for that purpose (soslab.core.targets).

Before the target registry, the generic endpoints accepted any model with a URL, so a database may
hold comments or follows on team invitations, moderation decisions or teams. No surface shows them
any more; this removes them. Without --delete it only counts."""

from django.contrib.contenttypes.models import ContentType
from django.core.management.base import BaseCommand
from django.db import transaction

from soslab.comments.models import Comment
from soslab.core import targets
from soslab.notifications.models import Follow, Notification


def _registered_type_ids(purpose):
    models = [entry.model for entry in targets.registered(purpose)]
    return [ContentType.objects.get_for_model(model).pk for model in models]


def stray_rows():
    """{label: queryset} of rows pointing at something not registered for their purpose."""
    return {
        "comments": Comment.objects.exclude(
            content_type_id__in=_registered_type_ids(targets.COMMENT)
        ),
        "follows": Follow.objects.exclude(content_type_id__in=_registered_type_ids(targets.FOLLOW)),
        "notifications": Notification.objects.filter(content_type__isnull=False).exclude(
            content_type_id__in=_registered_type_ids(targets.NOTIFY)
        ),
    }


class Command(BaseCommand):
    help = "Count (or --delete) comments, follows and notifications on unregistered targets."

    def add_arguments(self, parser):
        parser.add_argument("--delete", action="store_true", help="delete them (else only count)")

    def handle(self, *args, delete=False, **options):
        with transaction.atomic():
            for label, rows in stray_rows().items():
                count = rows.count()
                if delete and count:
                    rows.delete()
                verb = "deleted" if delete else "found"
                self.stdout.write(f"{label}: {count} {verb}")

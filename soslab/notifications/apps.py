from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NotificationsConfig(AppConfig):
    name = "soslab.notifications"
    label = "notifications"
    verbose_name = _("Notifications")

    def ready(self):
        from django.db.models import Count, IntegerField, OuterRef, Subquery
        from django.db.models.functions import Coalesce

        from soslab.accounts import request_user

        from .models import Notification

        def unread():
            # The header's badge, in the query that loads the signed-in person.
            counts = (
                Notification.objects.filter(recipient=OuterRef("pk"), read_at__isnull=True)
                .order_by()
                .values("recipient")
                .annotate(n=Count("pk"))
                .values("n")
            )
            return Coalesce(Subquery(counts, output_field=IntegerField()), 0)

        request_user.register("_unread_notifications", unread)

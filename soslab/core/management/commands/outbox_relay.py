"""Hand tasks waiting in the outbox to the broker now (beat does this every minute)."""

from django.core.management.base import BaseCommand

from soslab.core.outbox import outbox_relay, outbox_status


class Command(BaseCommand):
    help = "Hand tasks waiting in the outbox (broker outage) to the broker."

    def handle(self, *args, **options):
        before = outbox_status()
        sent = outbox_relay()
        after = outbox_status()
        self.stdout.write(
            f"outbox: {before['pending']} waiting, {sent} handed to the broker, "
            f"{after['pending']} still waiting"
        )

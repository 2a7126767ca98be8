from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils import translation

from soslab.discovery.icons import write_all


class Command(BaseCommand):
    help = (
        "Draw the favicon, touch and manifest icons and the default share image into static/img/."
    )

    def handle(self, *args, **options):
        with translation.override(settings.LANGUAGE_CODE):
            paths = write_all(settings.BASE_DIR / "static" / "img")
        for path in paths:
            self.stdout.write(f"{path} ({path.stat().st_size} bytes)")

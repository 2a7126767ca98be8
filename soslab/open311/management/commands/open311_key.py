"""Issue, list and revoke Open311 API keys (docs/open311.md).

    manage.py open311_key create NAME --contact EMAIL [--rate-limit 60] [--service-codes a,b]
    manage.py open311_key list
    manage.py open311_key revoke NAME

`create` prints the key on its last line; it is shown only this once (only its hash is stored).
"""

from django.core.management.base import BaseCommand, CommandError

from soslab.open311.keys import key_issue, key_revoke
from soslab.open311.models import Open311Key


class Command(BaseCommand):
    help = "Issue, list and revoke Open311 API keys."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        create = sub.add_parser("create", help="Issue a key; prints it on the last line.")
        create.add_argument("name")
        create.add_argument("--contact", required=True)
        create.add_argument("--rate-limit", type=int, default=60, help="posts per hour")
        create.add_argument("--service-codes", default="", help="comma-separated; empty: all")
        sub.add_parser("list", help="List keys (never the keys themselves).")
        revoke = sub.add_parser("revoke", help="Revoke a key by name.")
        revoke.add_argument("name")

    def handle(self, *args, action, **options):
        getattr(self, f"_{action}")(**options)

    def _create(self, *, name, contact, rate_limit, service_codes, **options):
        if Open311Key.objects.filter(name=name).exists():
            raise CommandError(f"A key named {name!r} exists already.")
        if rate_limit < 1:
            raise CommandError("--rate-limit must be at least 1.")
        codes = [code.strip() for code in service_codes.split(",") if code.strip()]
        key, token = key_issue(
            name=name, contact=contact, rate_limit=rate_limit, service_codes=codes
        )
        self.stdout.write(
            f"Issued {key.name} ({key.prefix}…); store it now, it is not shown again:"
        )
        self.stdout.write(token)

    def _list(self, **options):
        for key in Open311Key.objects.all():
            state = f"revoked {key.revoked_at:%Y-%m-%d}" if key.revoked_at else "active"
            codes = key.allowed_service_codes or "all services"
            self.stdout.write(
                f"{key.name}\t{key.prefix}…\t{key.contact}\t{key.rate_limit}/h\t{codes}\t{state}"
            )

    def _revoke(self, *, name, **options):
        key = Open311Key.objects.filter(name=name).first()
        if key is None:
            raise CommandError(f"No key named {name!r}.")
        key_revoke(key=key)
        self.stdout.write(f"Revoked {key.name}.")

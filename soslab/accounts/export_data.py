"""What the platform holds about one person, as JSON-ready data (reads only; the data export
service writes it into a ZIP with the person's photos). The account's own sections are written
here; every other app adds its sections through the personal-data registry."""

from .personal_data import Export, handlers, iso


def _account(user):
    return {
        "account": {
            "id": user.pk,
            "email": user.email,
            "display_name": user.display_name,
            "age_band": user.age_band,
            "date_joined": iso(user.date_joined),
            "last_login": iso(user.last_login),
            "is_resident": user.is_resident,
            "email_frequency": user.email_frequency,
            "preferred_language": user.preferred_language,
            "blocked_until": iso(user.blocked_until),
            "block_reason": user.block_reason,
        },
        "consents": {"privacy_accepted_at": iso(user.privacy_accepted_at)},
    }


def person_data(user):
    """Return (data, photos): a dict of everything about `user`, and (zip name, FieldFile) pairs."""
    export = Export()
    export.merge(_account(user))
    for handler in handlers():
        if handler.export is not None:
            export.merge(handler.export(user, export))
    return export.data, export.photos

"""Receivers that keep the pages' search entries in step, connected in CmsConfig.ready():
Wagtail's `page_published` / `page_unpublished` and Django's `post_save` of the searchable page
types (a page created live, moved or saved by code that publishes nothing). Each re-reads the
page row (`page_entry_sync`), so it does not matter which of them fires or how often. A deleted
page's entry goes with it (the entry's OneToOne cascades), and `post_delete` says so explicitly for
deletes that bypass the cascade's collector order."""

from django.db import connections
from django.db.models.signals import post_delete, post_migrate, post_save
from wagtail.signals import page_published, page_unpublished

from .models import PageSearchEntry
from .services import PAGE_KINDS, page_entry_sync


def page_changed(sender, instance, raw=False, **kwargs):
    if raw:  # fixtures: `search_rebuild` indexes them afterwards
        return
    page_entry_sync(page=instance)


def page_deleted(sender, instance, **kwargs):
    PageSearchEntry.objects.filter(page_id=instance.pk).delete()


def entries_fill(sender, using="default", **kwargs):
    """After `migrate`: live pages without an entry get one. The migration that made the table
    cannot read StreamField content through historical models, so pages that existed before it
    (a running site upgrading) are indexed here, once; afterwards this finds none (one query per
    page type)."""
    if getattr(sender, "name", None) != "cms":
        return
    if PageSearchEntry._meta.db_table not in connections[using].introspection.table_names():
        return
    for model in PAGE_KINDS:
        for page in model.objects.using(using).live().filter(search_entry__isnull=True):
            page_entry_sync(page=page)


def connect():
    for model in PAGE_KINDS:
        name = model.__name__.lower()
        post_save.connect(page_changed, sender=model, dispatch_uid=f"cms_search_saved_{name}")
        page_published.connect(
            page_changed, sender=model, dispatch_uid=f"cms_search_published_{name}"
        )
        page_unpublished.connect(
            page_changed, sender=model, dispatch_uid=f"cms_search_unpublished_{name}"
        )
        post_delete.connect(page_deleted, sender=model, dispatch_uid=f"cms_search_deleted_{name}")
    post_migrate.connect(entries_fill, dispatch_uid="cms_search_entries_fill")

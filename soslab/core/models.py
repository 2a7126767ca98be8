"""Plumbing tables shared by every app."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class OutboxMessage(models.Model):
    """A Celery task waiting to be handed to the broker (soslab.core.outbox).

    Written in the same transaction as the change that wants the work done, so the work is never
    lost when the broker is down and never sent for a change that was rolled back. The row is
    deleted once the broker has accepted the task."""

    task_name = models.CharField(_("task"), max_length=200)
    args = models.JSONField(_("arguments"), default=list, blank=True)
    kwargs = models.JSONField(_("keyword arguments"), default=dict, blank=True)
    not_before = models.DateTimeField(_("not before"), null=True, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    attempts = models.PositiveIntegerField(_("attempts"), default=0)
    last_error = models.TextField(_("last error"), blank=True)

    class Meta:
        verbose_name = _("queued task")
        verbose_name_plural = _("queued tasks")
        ordering = ["pk"]
        indexes = [models.Index(fields=["created_at"], name="core_outbox_created")]

    def __str__(self):
        return f"{self.task_name} #{self.pk}"


class CacheVersion(models.Model):
    """The version of one group of cached pages (soslab.core.page_cache). Writers bump it after
    their transaction commits; readers put it in every cache key, so a change shows at once on
    every process and host, whatever the cache backend (locmem per process, or Redis)."""

    name = models.CharField(_("name"), max_length=50, primary_key=True)
    version = models.BigIntegerField(_("version"), default=1)

    class Meta:
        verbose_name = _("cache version")
        verbose_name_plural = _("cache versions")

    def __str__(self):
        return f"{self.name} v{self.version}"

"""Wagtail imports `wagtail_hooks` from each app's root only: this module loads the hooks of each
feature folder of cms/ (registering happens on import)."""

from .projects import wagtail_hooks as projects_hooks
from .rounds import wagtail_hooks as rounds_hooks

__all__ = ["projects_hooks", "rounds_hooks"]

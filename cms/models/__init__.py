"""Wagtail page models, one module per area. Import every page class here so Wagtail finds it."""

from .home import BilingualMixin, HomePage, home_sections
from .legal import LegalPage  # noqa: F401
from .projects import ProjectIndexPage, ProjectPage, ProjectUpdate  # noqa: F401
from .results import (  # noqa: F401
    EventAward,
    EventScheduleItem,
    ResultsEventPage,
    ResultsIndexPage,
    ShowcasedProject,
)
from .rounds import RoundFeaturedProblem, RoundIndexPage, RoundPage  # noqa: F401

__all__ = ["BilingualMixin", "HomePage", "home_sections"]

"""Every Wagtail page type of the site, imported here so Django and Wagtail find them. Each
lives in the folder of its feature: editorial pages (home, legal) in cms/editorial/, rounds in
cms/rounds/, maker team projects in cms/projects/, results-sharing events in cms/results/;
the pages' search entries in cms/search/."""

from .editorial.home import HomePage
from .editorial.legal import LegalPage
from .projects.models import ProjectIndexPage, ProjectPage, ProjectUpdate
from .results.models import (
    EventAward,
    EventScheduleItem,
    ResultsEventPage,
    ResultsIndexPage,
    ShowcasedProject,
)
from .rounds.models import RoundFeaturedProblem, RoundIndexPage, RoundPage
from .search.models import PageSearchEntry

__all__ = [
    "EventAward",
    "EventScheduleItem",
    "HomePage",
    "LegalPage",
    "PageSearchEntry",
    "ProjectIndexPage",
    "ProjectPage",
    "ProjectUpdate",
    "ResultsEventPage",
    "ResultsIndexPage",
    "RoundFeaturedProblem",
    "RoundIndexPage",
    "RoundPage",
    "ShowcasedProject",
]

"""Civic problem threads (지역 문제): what a resident reports, with its place, photos, supports (공감),
public status timeline (problem.py), official answers (answers.py) and the support threshold
ladder (ladder.py). This package is the app's models module: Django loads the models from here.
"""

from .answers import AnswerTemplate, OfficialAnswer
from .ladder import ThresholdAction, ThresholdCrossing, ThresholdStep
from .problem import (
    CLOSED_STATUSES,
    DESCRIPTION_MAX,
    DESCRIPTION_MIN,
    LIST_CACHE,
    MAX_PHOTOS,
    MAX_TAGS,
    OPEN_STATUSES,
    TITLE_MAX,
    TITLE_MIN,
    Category,
    Problem,
    ProblemPhoto,
    ProblemQuerySet,
    ProblemStatus,
    Support,
    TimelineEntry,
    TimelineKind,
    photo_upload_to,
)

__all__ = [
    "CLOSED_STATUSES",
    "DESCRIPTION_MAX",
    "DESCRIPTION_MIN",
    "LIST_CACHE",
    "MAX_PHOTOS",
    "MAX_TAGS",
    "OPEN_STATUSES",
    "TITLE_MAX",
    "TITLE_MIN",
    "AnswerTemplate",
    "Category",
    "OfficialAnswer",
    "Problem",
    "ProblemPhoto",
    "ProblemQuerySet",
    "ProblemStatus",
    "Support",
    "ThresholdAction",
    "ThresholdCrossing",
    "ThresholdStep",
    "TimelineEntry",
    "TimelineKind",
    "photo_upload_to",
]

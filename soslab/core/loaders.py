"""The step runner shared by `load_reference_data` (every install) and `load_demo_data` (demos).

A step is a module path; the module has `load(out)` returning a summary dict. Each step runs in
its own transaction and must be idempotent: a second run changes nothing."""

import importlib
import importlib.util

from django.db import transaction

# What every installation needs, in dependency order: no people, no demo content.
REFERENCE_STEPS = [
    "geo.reference",  # dongs, air-quality stations
    "cms.reference",  # page tree: home (Site root), rounds, projects, results, legal pages
    "soslab.accounts.reference",  # the first privacy policy version
    "soslab.problems.reference",  # categories, answer templates
    "soslab.moderation.reference",  # Moderators group, hide reasons
]

# Demo content on top of the reference data (load_demo_data runs REFERENCE_STEPS first).
DEMO_STEPS = [
    "soslab.accounts.demo",
    "geo.demo",
    "soslab.problems.demo",
    "soslab.moderation.demo",
    "soslab.maps.demo",  # hotspots over the demo reports
    "cms.rounds.demo",  # rounds with their ideas and votes
    "cms.projects.demo",  # maker teams and their project pages
    "cms.results.demo",  # a results-sharing event with its live vote
    "soslab.comments.demo",  # last: discussions on the problems and ideas above
]


def steps_run(*, steps, stdout, style):
    for step in steps:
        if importlib.util.find_spec(step) is None:
            continue
        module = importlib.import_module(step)
        stdout.write(f"· {step} ...", ending="")
        stdout.flush()
        with transaction.atomic():
            summary = module.load(stdout) or {}
        details = ", ".join(f"{key} {value}" for key, value in summary.items())
        stdout.write(style.SUCCESS(f" ok{': ' + details if details else ''}"))

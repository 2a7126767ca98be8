"""The public statistics page (/statistics/): numbers about problems, answers, rounds and team
projects, as server-side SVG charts with the same numbers as tables and CSV downloads.

It lives in cms/ because two of its tables read Wagtail pages (round turnout: RoundPage and its
ballots; team projects by stage: ProjectPage); the rest reads soslab.problems through `.public()`.
"""

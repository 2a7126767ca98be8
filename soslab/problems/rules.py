"""Who may do what with a problem. Views, services and templates ask here; tested as a role x
state table in tests/problems/test_rules.py.

- Anyone may read public problems; authors also read their own hidden/pending ones; moderators all.
- Verified citizens report and support (soslab.accounts.permissions decides "may post").
- Only the author edits their own problem (title, description, place, tags), and only while it
  is still open; staff edit any problem (the original text is kept).
- Only staff change status, mark duplicates and write official answers.
- Only the author answers "is it still there?".
"""

import rules

from soslab.accounts.rules import is_moderator, is_staff, may_post


@rules.predicate
def is_author(user, problem):
    return bool(user.is_authenticated and problem is not None and problem.author_id == user.pk)


@rules.predicate
def problem_is_open(user, problem):
    return problem is not None and problem.is_open


@rules.predicate
def problem_is_public(user, problem):
    return problem is not None and problem.is_public


can_view = problem_is_public | is_author | is_moderator
can_report = may_post
can_support = may_post & problem_is_public & problem_is_open
can_edit = is_staff | (may_post & is_author & problem_is_open)
can_change_status = is_staff
can_answer = is_staff
can_answer_still_there = is_author & problem_is_open

rules.add_perm("problems.view_problem_thread", can_view)
rules.add_perm("problems.report_problem", can_report)
rules.add_perm("problems.support_problem", can_support)
rules.add_perm("problems.edit_problem", can_edit)
rules.add_perm("problems.change_problem_status", can_change_status)
rules.add_perm("problems.answer_problem", can_answer)
rules.add_perm("problems.answer_still_there", can_answer_still_there)

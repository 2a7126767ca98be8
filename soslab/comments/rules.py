"""Who may do what with a comment. The service, the discussion template tag and templates ask
here through `user.has_perm(...)`.

- Only its author edits a comment, only while it is not deleted and within the edit window
  (15 minutes after posting).
- Its author or a moderator deletes a comment that is not deleted yet.
Posting itself is `soslab.accounts.rules.may_post` (the service says why not, precisely).
"""

import rules

from soslab.accounts.rules import is_moderator


@rules.predicate
def is_comment_author(user, comment):
    return bool(user.is_authenticated and comment is not None and comment.author_id == user.pk)


@rules.predicate
def comment_is_live(user, comment):
    return comment is not None and not comment.is_deleted


@rules.predicate
def in_edit_window(user, comment):
    return comment is not None and comment.in_edit_window()


can_edit = is_comment_author & comment_is_live & in_edit_window
can_remove = comment_is_live & (is_comment_author | is_moderator)

rules.add_perm("comments.edit_comment", can_edit)
rules.add_perm("comments.remove_comment", can_remove)

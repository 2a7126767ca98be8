"""Who may moderate. Views, the Wagtail admin and the services ask through
`user.has_perm("moderation.moderate")`; the role itself is soslab.accounts.rules.is_moderator
(staff and the moderators group)."""

import rules

from soslab.accounts.rules import is_moderator

rules.add_perm("moderation.moderate", is_moderator)

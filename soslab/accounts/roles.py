"""The names of the project's roles. The groups themselves, and their exact permissions, are made
and kept by `soslab.moderation.roles.project_groups_sync`; "who holds a role" is answered by
`soslab.accounts.rules`."""

MODERATORS = "SOS랩 모더레이터"

"""Who may do what on the problem maps (docs/permissions.md)."""

import rules

from soslab.accounts.rules import is_staff

# Merging a hotspot's reports into one thread marks the others duplicates: staff only.
rules.add_perm("maps.merge_hotspot", is_staff)

"""The teams app's own signal. `team_editors_synced` is sent each time a team's Wagtail editor
group is synced (services.team_editors_sync), with `team` and `group`; the pages layer
(cms.projects) listens to give the group its page permissions, so this app never imports the
pages."""

from django.dispatch import Signal

team_editors_synced = Signal()

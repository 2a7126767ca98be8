"""Signal receivers connected in TeamsConfig.ready(): memberships and consents edited in the
Wagtail admin (not through the services) keep the team's editor group in step, where Django
leaves no other hook. team_editors_sync is idempotent, so the services' own call is harmless."""

from .models import Team
from .services import team_editors_sync


def membership_changed(sender, instance, raw=False, **kwargs):
    if raw:
        return
    team = Team.objects.filter(pk=instance.team_id).first()
    if team is not None:
        team_editors_sync(team=team)


def consent_changed(sender, instance, raw=False, **kwargs):
    """Consent recorded or withdrawn (deleted): resync every team of the child."""
    if raw:
        return
    for team in Team.objects.filter(memberships__user_id=instance.user_id):
        team_editors_sync(team=team)

"""Wagtail hooks of the rounds feature: the home page's current-round section."""

from wagtail import hooks

from soslab.ideas.phases import Phase

from .models import RoundPage


@hooks.register("soslab_home_sections")
def current_round_section(request):
    """The round in progress (voting first), with its phase and a call to action."""
    rounds = list(RoundPage.objects.live().order_by("-voting_start")[:10])
    if not rounds:
        return None
    running = [r for r in rounds if r.is_running]
    voting = [r for r in running if r.current_phase == Phase.VOTING]
    current = (voting or running or rounds)[0]
    return {"template": "ideas/home_section.html", "order": 20, "round": current}

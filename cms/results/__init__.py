"""Results-sharing events: the archive, the event page with its schedule, showcased projects and
awards, the round statistics it shows and the live audience vote's routed views (the vote itself
is soslab.teams.models.LiveVote, written through soslab.teams.services)."""

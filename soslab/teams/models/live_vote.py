"""The live audience vote held at a results-sharing event (결과공유회), with jury scores."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class LiveVoteStatus(models.TextChoices):
    READY = "ready", _("Not opened yet")
    OPEN = "open", _("Open")
    CLOSED = "closed", _("Closed")


class LiveVote(models.Model):
    """The audience vote at a results-sharing event, on its showcased projects.

    Staff open it; each account casts one vote; jury scores are added by staff; the final ranking
    combines the audience share and the mean jury score with the weights set here. Closing it
    freezes the ranking into `outcome`, which the event page then shows.
    """

    event = models.OneToOneField(
        "cms.ResultsEventPage",
        verbose_name=_("event"),
        on_delete=models.CASCADE,
        related_name="live_vote_record",
    )
    status = models.CharField(
        _("status"), max_length=8, choices=LiveVoteStatus.choices, default=LiveVoteStatus.READY
    )
    audience_weight = models.PositiveSmallIntegerField(
        _("audience weight (%)"),
        default=50,
        help_text=_("Share of the final score from the audience vote; the jury has the rest."),
    )
    opened_at = models.DateTimeField(_("opened at"), null=True, blank=True)
    closed_at = models.DateTimeField(_("closed at"), null=True, blank=True)
    total_votes = models.PositiveIntegerField(_("votes cast"), default=0)
    outcome = models.JSONField(_("final ranking"), default=list, blank=True, editable=False)

    class Meta:
        verbose_name = _("live audience vote")
        verbose_name_plural = _("live audience votes")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(audience_weight__lte=100), name="teams_livevote_weight_pct"
            )
        ]

    def __str__(self):
        return str(self.event)

    @property
    def jury_weight(self):
        return 100 - self.audience_weight

    @property
    def is_open(self):
        return self.status == LiveVoteStatus.OPEN


class LiveVoteOption(models.Model):
    """A showcased project in the vote, with its audience vote count kept exact with F()."""

    vote = models.ForeignKey(LiveVote, on_delete=models.CASCADE, related_name="options")
    project = models.ForeignKey("cms.ProjectPage", on_delete=models.CASCADE, related_name="+")
    audience_votes = models.PositiveIntegerField(_("audience votes"), default=0)
    sort_order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = _("live vote option")
        ordering = ["sort_order", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["vote", "project"], name="teams_liveoption_once")
        ]

    def __str__(self):
        return f"{self.vote} · {self.project}"


class LiveBallot(models.Model):
    """One account's audience vote: one per account per live vote (database-enforced)."""

    vote = models.ForeignKey(LiveVote, on_delete=models.CASCADE, related_name="ballots")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="live_ballots"
    )
    option = models.ForeignKey(LiveVoteOption, on_delete=models.CASCADE, related_name="ballots")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("live ballot")
        constraints = [
            models.UniqueConstraint(fields=["vote", "user"], name="teams_liveballot_one_per_user")
        ]

    def __str__(self):
        return f"{self.vote} · {self.user_id}"


class JuryScore(models.Model):
    """A juror's score (0-100) for one project in a live vote; the mean per project counts."""

    vote = models.ForeignKey(LiveVote, on_delete=models.CASCADE, related_name="jury_scores")
    option = models.ForeignKey(LiveVoteOption, on_delete=models.CASCADE, related_name="jury_scores")
    juror = models.CharField(_("juror"), max_length=80)
    score = models.PositiveSmallIntegerField(_("score (0-100)"))
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    entered_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("jury score")
        verbose_name_plural = _("jury scores")
        constraints = [
            models.UniqueConstraint(
                fields=["option", "juror"], name="teams_juryscore_one_per_juror"
            ),
            models.CheckConstraint(
                condition=models.Q(score__lte=100), name="teams_juryscore_max_100"
            ),
        ]

    def __str__(self):
        return f"{self.juror}: {self.score}"

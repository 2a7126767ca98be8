"""Maker teams: members and their roles, guardian consent for under-14s, invitations and join
requests, and the live audience vote held at a results-sharing event (결과공유회).

Writes go through soslab.teams.services; permissions live in soslab.teams.rules.
"""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class TeamRole(models.TextChoices):
    LEADER = "leader", _("Leader")
    MEMBER = "member", _("Member")
    MENTOR = "mentor", _("Mentor")
    COACH = "coach", _("Staff coach")


class TeamQuerySet(models.QuerySet):
    def with_list_data(self):
        return self.select_related("round").order_by("-created_at", "pk")


class Team(models.Model):
    """A youth maker team in a lab round, with its own Wagtail group so its members can edit
    their project page and nothing else."""

    round = models.ForeignKey(
        "cms.RoundPage",
        verbose_name=_("lab round"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="teams",
    )
    name = models.CharField(_("name"), max_length=80)
    slug = models.SlugField(_("slug"), max_length=80, unique=True, allow_unicode=True)
    description = models.TextField(_("description"), blank=True, max_length=3000)
    created_at = models.DateTimeField(_("created at"), default=timezone.now, db_index=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    editor_group = models.OneToOneField(
        "auth.Group",
        verbose_name=_("editor group"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="maker_team",
    )
    collection = models.ForeignKey(
        "wagtailcore.Collection",
        verbose_name=_("image collection"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    objects = TeamQuerySet.as_manager()

    class Meta:
        verbose_name = _("maker team")
        verbose_name_plural = _("maker teams")
        ordering = ["name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("teams:detail", kwargs={"slug": self.slug})


class MembershipQuerySet(models.QuerySet):
    def consented(self):
        """Members who may appear publicly and publish: adults and teens, and under-14s whose
        guardian consent is recorded."""
        from soslab.accounts.models import AgeBand

        return self.exclude(
            models.Q(user__age_band=AgeBand.UNDER_14)
            & models.Q(user__guardian_consent__isnull=True)
        )

    def missing_consent(self):
        from soslab.accounts.models import AgeBand

        return self.filter(user__age_band=AgeBand.UNDER_14, user__guardian_consent__isnull=True)


class Membership(models.Model):
    """One person in one team with a role. A person may be in several teams."""

    team = models.ForeignKey(
        Team, verbose_name=_("team"), on_delete=models.CASCADE, related_name="memberships"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person"),
        on_delete=models.CASCADE,
        related_name="team_memberships",
    )
    role = models.CharField(
        _("role"), max_length=10, choices=TeamRole.choices, default=TeamRole.MEMBER
    )
    company_name = models.CharField(
        _("company"),
        max_length=100,
        blank=True,
        help_text=_("For mentors: the local company they come from."),
    )
    joined_at = models.DateTimeField(_("joined at"), default=timezone.now)

    objects = MembershipQuerySet.as_manager()

    class Meta:
        verbose_name = _("team membership")
        verbose_name_plural = _("team memberships")
        ordering = ["team", "joined_at", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["team", "user"], name="teams_membership_unique"),
        ]

    def __str__(self):
        return f"{self.team} · {self.user} ({self.get_role_display()})"

    @property
    def consent_ok(self):
        if not self.user.needs_guardian_consent:
            return True
        return GuardianConsent.objects.filter(user_id=self.user_id).exists()


class ConsentMethod(models.TextChoices):
    PAPER = "paper", _("Signed paper form")
    ONLINE = "online", _("Online form with identity check")
    PHONE = "phone", _("Phone call")
    IN_PERSON = "in_person", _("In person")


class GuardianConsent(models.Model):
    """Recorded consent of a legal guardian (법정대리인 동의) for a member under 14 (PIPA art. 22-2).

    Recorded by staff; until it exists the child is not shown publicly and cannot publish."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("young member"),
        on_delete=models.CASCADE,
        related_name="guardian_consent",
    )
    guardian_name = models.CharField(_("guardian name"), max_length=60)
    guardian_contact = models.CharField(
        _("guardian contact"), max_length=120, help_text=_("Phone number or email address.")
    )
    method = models.CharField(_("how consent was given"), max_length=10, choices=ConsentMethod)
    given_at = models.DateTimeField(_("when consent was given"))
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recorded by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    recorded_at = models.DateTimeField(_("recorded at"), default=timezone.now)
    note = models.CharField(_("note"), max_length=300, blank=True)
    relationship = models.CharField(_("relationship to the member"), max_length=40, blank=True)
    ip_address = models.GenericIPAddressField(_("given from (IP address)"), null=True, blank=True)
    user_agent = models.CharField(_("given from (browser)"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("guardian consent")
        verbose_name_plural = _("guardian consents")

    def __str__(self):
        return f"{self.user} · {self.guardian_name}"


class GuardianRequestState(models.TextChoices):
    PENDING = "pending", _("Waiting for the guardian")
    CONSENTED = "consented", _("Guardian consented")
    REFUSED = "refused", _("Guardian refused")
    WITHDRAWN = "withdrawn", _("Guardian withdrew consent")


class GuardianConsentRequest(models.Model):
    """An online request to a guardian for an under-14 member's consent (sent by email).

    Every email to the guardian carries two links (GuardianLink): one to answer, which expires,
    and one to withdraw consent at any time. Reminders go after 3 and 7 days while it waits."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("young member"),
        on_delete=models.CASCADE,
        related_name="guardian_requests",
    )
    guardian_email = models.EmailField(_("guardian email"))
    state = models.CharField(
        _("state"),
        max_length=10,
        choices=GuardianRequestState.choices,
        default=GuardianRequestState.PENDING,
        db_index=True,
    )
    created_at = models.DateTimeField(_("sent at"), default=timezone.now)
    reminders_sent = models.PositiveSmallIntegerField(_("reminders sent"), default=0)
    answered_at = models.DateTimeField(_("answered at"), null=True, blank=True)
    withdrawn_at = models.DateTimeField(_("withdrawn at"), null=True, blank=True)
    guardian_name = models.CharField(_("guardian name"), max_length=60, blank=True)
    relationship = models.CharField(_("relationship to the member"), max_length=40, blank=True)
    ip_address = models.GenericIPAddressField(
        _("answered from (IP address)"), null=True, blank=True
    )
    user_agent = models.CharField(_("answered from (browser)"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("guardian consent request")
        verbose_name_plural = _("guardian consent requests")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.user} · {self.get_state_display()}"


class GuardianLinkPurpose(models.TextChoices):
    ANSWER = "answer", _("Answer the request")
    WITHDRAW = "withdraw", _("Withdraw consent")


class GuardianLink(models.Model):
    """One secret link in one email to a guardian, stored only as the SHA-256 hash of its token.
    Answer links expire; withdrawal links do not (consent can be withdrawn at any time)."""

    request = models.ForeignKey(
        GuardianConsentRequest, on_delete=models.CASCADE, related_name="links"
    )
    purpose = models.CharField(max_length=10, choices=GuardianLinkPurpose.choices)
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    created_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("guardian link")
        verbose_name_plural = _("guardian links")

    def __str__(self):
        return f"{self.request_id} · {self.purpose}"


class Invitation(models.Model):
    """An invitation link to a team, for one person. The link carries a random secret token that
    is shown once to the leader who creates it and stored only as its SHA-256 hash; the link stops
    working after `expires_at`, when revoked, or once used. Nothing public (no model URL, no
    template) can rebuild it from the row."""

    team = models.ForeignKey(
        Team, verbose_name=_("team"), on_delete=models.CASCADE, related_name="invitations"
    )
    role = models.CharField(
        _("role"), max_length=10, choices=TeamRole.choices, default=TeamRole.MEMBER
    )
    company_name = models.CharField(_("company"), max_length=100, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    expires_at = models.DateTimeField(_("expires at"), db_index=True)
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True)
    token_hash = models.CharField(_("token hash"), max_length=64, unique=True, editable=False)
    used_at = models.DateTimeField(_("used at"), null=True, blank=True)
    used_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("used by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("team invitation")
        verbose_name_plural = _("team invitations")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.team} · {self.get_role_display()}"

    @property
    def is_usable(self):
        return self.revoked_at is None and self.used_at is None and self.expires_at > timezone.now()


class JoinRequestStatus(models.TextChoices):
    PENDING = "pending", _("Waiting for the leader")
    APPROVED = "approved", _("Approved")
    DECLINED = "declined", _("Declined")


class JoinRequest(models.Model):
    """A person asks to join a team; the team leader (or staff) approves or declines."""

    team = models.ForeignKey(
        Team, verbose_name=_("team"), on_delete=models.CASCADE, related_name="join_requests"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person"),
        on_delete=models.CASCADE,
        related_name="team_join_requests",
    )
    message = models.TextField(_("message to the leader"), max_length=1000, blank=True)
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=JoinRequestStatus.choices,
        default=JoinRequestStatus.PENDING,
    )
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("decided by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("join request")
        verbose_name_plural = _("join requests")
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["team", "user"],
                condition=models.Q(status="pending"),
                name="teams_joinrequest_one_pending",
            ),
        ]
        indexes = [models.Index(fields=["team", "status"], name="teams_joinreq_team_status")]

    def __str__(self):
        return f"{self.user} → {self.team}"


# --- Live audience vote at a results-sharing event ----------------------------------------------


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

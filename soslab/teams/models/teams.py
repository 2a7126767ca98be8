"""Maker teams and their members with their roles."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from soslab.accounts.models import AgeBand

from .consent import GuardianConsent


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
    def of(self, user, team):
        """`user`'s membership of `team`, or None (always None for anonymous visitors)."""
        if not user.is_authenticated:
            return None
        return self.filter(team=team, user=user).first()

    def consented(self):
        """Members who may appear publicly and publish: adults and teens, and under-14s whose
        guardian consent is recorded."""
        return self.exclude(
            models.Q(user__age_band=AgeBand.UNDER_14)
            & models.Q(user__guardian_consent__isnull=True)
        )

    def missing_consent(self):
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

"""The support threshold ladder: its steps and the crossings each problem has recorded."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .problem import Problem


class ThresholdAction(models.TextChoices):
    ANSWER_REQUIRED = "answer", _("Staff must answer")
    ROUND_CANDIDATE = "round", _("Candidate for the next lab round")


class ThresholdStep(models.Model):
    """One step of the support ladder, edited by staff (defaults: 30 -> answer within 14 days,
    100 -> candidate for the next lab round)."""

    supports = models.PositiveIntegerField(_("supports needed"), unique=True)
    action = models.CharField(_("what happens"), max_length=10, choices=ThresholdAction.choices)
    answer_days = models.PositiveSmallIntegerField(
        _("days to answer"),
        null=True,
        blank=True,
        help_text=_("For 'staff must answer': how many days staff have."),
    )

    class Meta:
        ordering = ["supports"]
        verbose_name = _("support threshold")
        verbose_name_plural = _("support thresholds")

    def __str__(self):
        return f"{self.supports}: {self.get_action_display()}"


class ThresholdCrossing(models.Model):
    """A problem reached a ladder step (recorded once per problem and step)."""

    problem = models.ForeignKey(Problem, on_delete=models.CASCADE, related_name="crossings")
    supports = models.PositiveIntegerField(_("supports needed"))
    action = models.CharField(_("what happens"), max_length=10, choices=ThresholdAction.choices)
    crossed_at = models.DateTimeField(default=timezone.now)
    staff_notified_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["crossed_at", "pk"]
        verbose_name = _("threshold crossing")
        verbose_name_plural = _("threshold crossings")
        constraints = [
            models.UniqueConstraint(fields=["problem", "supports"], name="crossing_once_per_step")
        ]

    def __str__(self):
        return f"{self.problem_id}: {self.supports}"

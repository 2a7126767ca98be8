"""Official answers of staff and the templates they start from."""

from django.conf import settings
from django.core.validators import MaxLengthValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .problem import Category, Problem


class OfficialAnswer(models.Model):
    """공식 답변: a staff answer, shown prominently on the problem."""

    problem = models.ForeignKey(Problem, on_delete=models.CASCADE, related_name="answers")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("answered by"),
        on_delete=models.PROTECT,
        related_name="problem_answers",
    )
    body = models.TextField(_("answer"), validators=[MaxLengthValidator(10_000)])
    created_at = models.DateTimeField(_("answered at"), default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("official answer")
        verbose_name_plural = _("official answers")
        indexes = [models.Index(fields=["problem", "created_at"], name="answer_problem_time")]

    def __str__(self):
        return f"{self.problem} ({self.created_at:%Y-%m-%d})"


class AnswerTemplate(models.Model):
    """Reusable text for official answers (e.g. 'passed to the city's traffic department')."""

    title = models.CharField(_("title"), max_length=100)
    body = models.TextField(_("text"))
    category = models.ForeignKey(
        Category,
        verbose_name=_("category"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        help_text=_("Leave empty to offer it for every category."),
    )

    class Meta:
        ordering = ["title"]
        verbose_name = _("answer template")
        verbose_name_plural = _("answer templates")

    def __str__(self):
        return self.title

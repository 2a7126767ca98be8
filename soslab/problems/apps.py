from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProblemsConfig(AppConfig):
    name = "soslab.problems"
    label = "problems"
    verbose_name = _("Problems")

    def ready(self):
        from django.conf import settings
        from django.db.models.signals import post_save

        from soslab.core import media, search, targets
        from soslab.moderation.registry import register

        from . import privacy
        from .models import Problem, ProblemPhoto

        register(Problem)
        search.register(
            Problem,
            parts=lambda problem: problem.search_parts(),
            queryset=lambda: Problem.objects.select_related("dong").prefetch_related("tags"),
            tie_break=("-support_count", "-created_at", "-pk"),
        )
        targets.register(
            Problem,
            purposes={targets.COMMENT, targets.FOLLOW, targets.REPORT, targets.NOTIFY},
            visible_to=lambda user: Problem.objects.visible_to(user),
        )
        media.register(
            "problem-photo",
            model=ProblemPhoto,
            fields=("image", "thumbnail"),
            owner_model=Problem,
            owner=lambda photo: photo.problem,
            files_of=lambda problem: problem.photos.all(),
            is_public=lambda problem: problem.is_public,
            visible_to=lambda user, problem: (
                Problem.objects.visible_to(user).filter(pk=problem.pk).exists()
            ),
            state_field="moderation_state",
        )
        post_save.connect(
            privacy.author_saved,
            sender=settings.AUTH_USER_MODEL,
            dispatch_uid="problems_author_points",
        )

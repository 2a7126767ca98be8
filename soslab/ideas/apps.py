from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class IdeasConfig(AppConfig):
    name = "soslab.ideas"
    label = "ideas"
    verbose_name = _("Ideas")

    def ready(self):
        from soslab.core import media, search, targets
        from soslab.moderation.registry import register

        from .models import Idea, IdeaImage

        register(Idea)
        search.register(
            Idea,
            parts=lambda idea: idea.search_parts(),
            queryset=lambda: Idea.objects.prefetch_related("tags"),
            tie_break=("-vote_count", "-created_at", "-pk"),
        )
        # An idea is seen through its round page: only while that page is live.
        targets.register(
            Idea,
            purposes={targets.COMMENT, targets.FOLLOW, targets.REPORT, targets.NOTIFY},
            visible_to=lambda user: Idea.objects.visible_to(user).filter(round__live=True),
        )
        media.register(
            "idea-image",
            model=IdeaImage,
            fields=("image", "thumbnail"),
            owner_model=Idea,
            owner=lambda image: image.idea,
            files_of=lambda idea: idea.images.all(),
            is_public=lambda idea: idea.is_public,
            visible_to=lambda user, idea: Idea.objects.visible_to(user).filter(pk=idea.pk).exists(),
            state_field="moderation_state",
        )

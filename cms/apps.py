from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CmsConfig(AppConfig):
    name = "cms"
    verbose_name = _("Site pages")

    def ready(self):
        from soslab.core import targets

        from .projects import signals as project_signals
        from .projects.models import ProjectPage
        from .search import signals as search_signals
        from .search.index import register_pages

        project_signals.connect()
        search_signals.connect()
        register_pages()
        # Project pages take comments and follows while they are live and not behind a view
        # restriction (drafts and private pages answer 404 to the generic endpoints).
        targets.register(
            ProjectPage,
            purposes={targets.COMMENT, targets.FOLLOW, targets.NOTIFY},
            visible_to=lambda user: ProjectPage.objects.live().public(),
            url=lambda page: page.get_url() or "",
        )

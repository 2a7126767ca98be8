"""Wagtail hooks for the editorial pages of cms/ that belong to maker teams and results sharing:
the featured-projects section of the home page."""

from wagtail import hooks


@hooks.register("soslab_home_sections")
def featured_projects_section(request):
    """Up to three published projects: those staff featured first, then the newest."""
    from cms.models.projects import ProjectIndexPage, ProjectPage

    projects = list(
        ProjectPage.objects.live()
        .public()
        .select_related("team", "cover_image")
        .order_by("-featured", "-first_published_at", "-pk")[:3]
    )
    if not projects:
        return None
    return {
        "template": "cms/project_home_section.html",
        "order": 30,
        "projects": projects,
        "index": ProjectIndexPage.objects.live().first(),
    }

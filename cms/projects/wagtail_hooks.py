"""Wagtail hooks of the projects feature: the featured-projects section of the home page."""

from wagtail import hooks

from . import dashboard
from .models import ProjectIndexPage, ProjectPage


@hooks.register("soslab_home_sections")
def featured_projects_section(request):
    """Up to three published projects: those staff featured first, then the newest."""
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


@hooks.register("construct_homepage_panels")
def add_project_review_panel(request, panels):
    if request.user.has_perm(dashboard.SEE_REVIEWS):
        panels.append(dashboard.ProjectReviewPanel())

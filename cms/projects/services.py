"""Project page services: the team leader starts the team's project page, publishing it moves
the problems it addresses to "in a project", and the "Project review" workflow (staff approve
team pages before they go live; the team is told the outcome).

Keyword-only arguments, one transaction each.
"""

from django.db import transaction
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.models import GroupApprovalTask, Workflow, WorkflowPage

from soslab.accounts.permissions import check_can_post
from soslab.moderation.roles import moderators_group
from soslab.notifications.services import message_later
from soslab.problems.models import ProblemStatus
from soslab.problems.services import problem_status_change
from soslab.teams.rules import MANAGE_TEAM
from soslab.teams.services import TeamActionRefused, team_editors_sync, team_notify

from .models import ProjectIndexPage, ProjectPage

# --- Project pages --------------------------------------------------------------------------------


def project_page_create(*, team, title, summary, actor):
    """Create the team's project page as a private draft under the projects index and give the
    team's editor group edit permission on it."""
    if not actor.has_perm(MANAGE_TEAM, team):
        raise TeamActionRefused(
            _("Only the team leader can start the team's project page."),
            code="forbidden",
            status=403,
        )
    check_can_post(actor)
    index = ProjectIndexPage.objects.first()
    if index is None:
        raise TeamActionRefused(
            _("Project pages are not set up yet. Please ask the SOS Lab staff."),
            code="no_index",
            status=409,
        )
    with transaction.atomic():
        page = ProjectPage(title=title, summary=summary, team=team, live=False, owner=actor)
        index.add_child(instance=page)
        page.save_revision(user=actor)
        team_editors_sync(team=team)
    return page


def project_problems_announce(*, project, actor=None):
    """Move each problem a published project addresses to "in a project" (timeline entry and
    followers notified by problem_status_change). Problems already in a project or closed are
    left alone, so publishing again changes nothing."""
    before = (ProblemStatus.RECEIVED, ProblemStatus.REVIEWING, ProblemStatus.OPEN_FOR_IDEAS)
    changed = []
    with transaction.atomic():
        for problem in project.problems.select_for_update().filter(status__in=before):
            problem_status_change(
                problem=problem,
                status=ProblemStatus.IN_PROJECT,
                actor=actor,
                note=_("The maker team project “%(title)s” works on this problem.")
                % {"title": project.title},
            )
            changed.append(problem.pk)
    return changed


# --- Project review workflow -------------------------------------------------------------------

PROJECT_WORKFLOW_NAME = "Project review"


def project_review_workflow():
    """The "Project review" workflow (created by migration teams 0003; recreated if deleted)."""
    workflow = Workflow.objects.filter(name=PROJECT_WORKFLOW_NAME).first()
    if workflow is None:
        with transaction.atomic():
            task = GroupApprovalTask.objects.create(name="Staff approval of a project page")
            task.groups.add(moderators_group())
            workflow = Workflow.objects.create(name=PROJECT_WORKFLOW_NAME)
            workflow.workflow_tasks.create(task=task, sort_order=0)
    return workflow


def project_review_workflow_assign(*, index):
    """Make every project page under `index` go through staff review before publishing."""
    with transaction.atomic():
        WorkflowPage.objects.update_or_create(
            page=index, defaults={"workflow": project_review_workflow()}
        )


def project_review_tell_team(*, page, approved, actor=None):
    """The team is told that its project page was approved (published) or sent back."""
    team = page.team
    if team is None:
        return []
    if approved:
        message = _("Your project page “%(title)s” was approved and published.")
        url = page.get_url() or team.get_absolute_url()
    else:
        message = _("Your project page “%(title)s” was sent back for changes.")
        url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    return team_notify(
        team=team, message=message_later(message, title=page.title), url=url, actor=actor
    )

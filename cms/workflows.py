"""What happens when a Wagtail workflow is approved (settings.WAGTAIL_FINISH_WORKFLOW_ACTION).

Wagtail's default publishes the approved revision as the approver and checks the approver's
publish permission on the page. Here the right to approve is the workflow task itself (Wagtail lets
only members of a GroupApprovalTask's groups approve it), so reviewers need no page permission:
the project's moderators group holds none and still approves the team project pages that the
"Project review" workflow sends them. Pages outside a workflow are untouched by this.
"""


def publish_approved(workflow_state, user=None):
    """Publish the approved revision; the approver was checked by the task, not by page permissions."""
    workflow_state.content_object.get_latest_revision().publish(
        user=user, skip_permission_checks=True
    )

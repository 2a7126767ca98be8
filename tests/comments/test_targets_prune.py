"""`manage.py targets_prune`: rows attached to unregistered targets before the registry existed."""

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command

from soslab.comments.models import Comment
from soslab.notifications.models import Follow
from soslab.notifications.services import follow_add
from soslab.teams.joining import invitation_create
from tests.factories import UserFactory
from tests.problems.factories import ProblemFactory
from tests.teams.factories import make_team


@pytest.mark.django_db
def test_prune_removes_only_rows_on_unregistered_targets(citizen):
    leader = UserFactory()
    invitation = invitation_create(team=make_team(leader=leader), created_by=leader).invitation
    stray_type = ContentType.objects.get_for_model(invitation)
    Comment.objects.create(
        content_type=stray_type, object_id=invitation.pk, author=citizen, body="초대 링크 주세요"
    )
    Follow.objects.create(user=citizen, content_type=stray_type, object_id=invitation.pk)
    problem = ProblemFactory()
    follow_add(user=citizen, target=problem)

    call_command("targets_prune")  # counting only
    assert Comment.objects.count() == 1
    call_command("targets_prune", "--delete")

    assert Comment.objects.count() == 0
    assert list(Follow.objects.values_list("object_id", flat=True)) == [problem.pk]

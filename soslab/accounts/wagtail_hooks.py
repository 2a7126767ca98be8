"""Admin for privacy policy versions (Snippets > Privacy policy versions): staff add a version
when a changed policy takes effect; everyone is then asked to accept it before posting."""

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import PolicyVersion


class PolicyVersionViewSet(SnippetViewSet):
    model = PolicyVersion
    icon = "doc-full"
    list_display = ["version", "effective_at", "created_at"]
    form_fields = ["version", "effective_at", "changes"]


register_snippet(PolicyVersionViewSet)

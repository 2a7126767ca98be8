"""The pages' search entries follow publishing: created live, rewritten on publish, removed on
unpublish and delete, rebuilt from the rows; never a draft's words."""

import io

import pytest

from cms.search.models import PageKind, PageSearchEntry
from cms.search.services import page_entries_rebuild, stream_text
from tests.teams.factories import make_project, make_team

from .conftest import WORD

pytestmark = pytest.mark.django_db


def test_each_live_page_has_one_entry_of_its_kind(content):
    kinds = dict(PageSearchEntry.objects.values_list("page_id", "kind"))
    assert kinds[content.round.pk] == PageKind.ROUND
    assert kinds[content.project.pk] == PageKind.PROJECT
    assert kinds[content.event.pk] == PageKind.RESULTS


def test_publishing_a_new_revision_rewrites_the_entry(content):
    project = content.project
    project.summary = "새로 고친 요약 문장"
    project.save_revision().publish()
    entry = PageSearchEntry.objects.get(page=project)
    assert "새로 고친 요약 문장" in entry.text


def test_a_saved_draft_leaves_the_entry_alone(content):
    project = content.project
    before = PageSearchEntry.objects.get(page=project).text
    project.summary = "아직 승인 안 된 초안"
    project.save_revision()
    assert PageSearchEntry.objects.get(page=project).text == before


def test_unpublish_and_delete_remove_the_entry(content):
    content.project.unpublish()
    assert not PageSearchEntry.objects.filter(page_id=content.project.pk).exists()
    event_id = content.event.pk
    content.event.delete()
    assert not PageSearchEntry.objects.filter(page_id=event_id).exists()


def test_a_draft_page_has_no_entry(db):
    project = make_project(make_team(), live=False)
    assert not PageSearchEntry.objects.filter(page_id=project.pk).exists()


def test_rebuild_writes_live_pages_only(content):
    draft = make_project(make_team(), live=False)
    PageSearchEntry.objects.all().delete()
    PageSearchEntry.objects.create(page=draft, kind=PageKind.PROJECT, title="stale")
    assert page_entries_rebuild() == 3
    assert set(PageSearchEntry.objects.values_list("page_id", flat=True)) == {
        content.round.pk,
        content.project.pk,
        content.event.pk,
    }


def test_project_story_text_is_indexed_without_markup(db):
    body = [
        ("text", "<h2>왜 만들었나요</h2><p>밤길이 &amp; 어두워요</p>"),
        ("quote", {"text": "차가 먼저 멈춰요.", "attribution": "노송동 주민"}),
    ]
    project = make_project(make_team(), body=body)
    text = PageSearchEntry.objects.get(page=project).text
    assert "왜 만들었나요 밤길이 & 어두워요" in text
    assert "차가 먼저 멈춰요." in text and "<h2>" not in text


def test_stream_text_skips_ids_and_types():
    assert stream_text([{"type": "text", "id": "abc", "value": "<p>글</p>"}]) == ["글"]


def test_core_search_rebuild_recreates_the_entries_and_finds_them(client, content):
    from django.core.management import call_command

    PageSearchEntry.objects.all().delete()
    call_command("search_rebuild", "--model", "cms.PageSearchEntry", stdout=io.StringIO())
    assert PageSearchEntry.objects.count() == 3
    html = client.get("/search/", {"q": WORD, "kind": "projects"}).content.decode()
    assert content.project.url in html


def test_migrate_indexes_pages_that_existed_before_the_search_table(content):
    """A running site upgrading: its pages predate PageSearchEntry, whose migration cannot read
    their content; `migrate`'s post_migrate fills the entries in, and only the missing ones."""
    from django.apps import apps
    from django.db.models.signals import post_migrate

    PageSearchEntry.objects.filter(page_id=content.project.pk).delete()
    kept = PageSearchEntry.objects.get(page_id=content.round.pk)
    post_migrate.send(
        sender=apps.get_app_config("cms"),
        app_config=apps.get_app_config("cms"),
        verbosity=0,
        interactive=False,
        using="default",
        plan=[],
        apps=apps,
    )
    entry = PageSearchEntry.objects.get(page_id=content.project.pk)
    assert entry.kind == PageKind.PROJECT and WORD in entry.text + entry.title
    assert PageSearchEntry.objects.get(page_id=content.round.pk).updated_at == kept.updated_at

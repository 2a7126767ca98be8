"""Every page type passes Wagtail's own checks (wagtail.test.utils.WagtailPageTestCase): routable,
renderable, editable and previewable by a superuser, and created only where its declared
parent/subpage types allow."""

from django.urls import reverse
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import querydict_from_html

from cms.models import (
    HomePage,
    LegalPage,
    ProjectIndexPage,
    ProjectPage,
    ResultsEventPage,
    ResultsIndexPage,
    RoundIndexPage,
    RoundPage,
)
from tests.factories import UserFactory
from tests.ideas.factories import make_round, round_index
from tests.teams.factories import home_page, make_event, make_project, make_team, project_index


class PageTypesConformTest(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home = home_page()
        cls.round = make_round()
        cls.rounds = round_index()
        cls.project = make_project(make_team())
        cls.projects = project_index()
        cls.event = make_event(projects=[cls.project])
        cls.results = ResultsIndexPage.objects.get()
        cls.superuser = UserFactory(is_superuser=True, is_staff=True)

    def pages(self):
        return [
            self.home,
            self.rounds,
            self.round,
            self.projects,
            self.project,
            self.results,
            self.event,
        ]

    def test_every_page_is_routable_and_renderable(self):
        for page in self.pages():
            with self.subTest(page=type(page).__name__):
                self.assertPageIsRoutable(page)
                self.assertPageIsRenderable(page)

    def edit_form_data(self, page):
        """The edit form as a browser would post it. Wagtail's HTML reader cannot see a
        StreamField's block count (the blocks are drawn by JavaScript), so it is added here for
        the empty StreamFields these pages start with."""
        self.client.force_login(self.superuser)
        response = self.client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
        assert response.status_code == 200, response.get("Location")
        data = querydict_from_html(response.content.decode(), form_id="page-edit-form").copy()
        for field in type(page)._meta.get_fields():
            if isinstance(field, StreamField):
                assert not getattr(page, field.name)  # a non-empty one needs its blocks too
                data[f"{field.name}-count"] = "0"
        return data

    def test_every_page_is_editable_and_previewable(self):
        for page in self.pages():
            with self.subTest(page=type(page).__name__):
                data = self.edit_form_data(page)
                self.assertPageIsEditable(page, post_data=data)
                self.assertPageIsPreviewable(page, post_data=data)

    def test_the_tree_allows_only_the_declared_parents(self):
        self.assertAllowedParentPageTypes(HomePage, {Page})
        self.assertAllowedSubpageTypes(
            HomePage, {RoundIndexPage, ProjectIndexPage, ResultsIndexPage, LegalPage}
        )
        self.assertAllowedParentPageTypes(LegalPage, {HomePage})
        self.assertAllowedSubpageTypes(LegalPage, set())
        self.assertAllowedParentPageTypes(RoundIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(RoundIndexPage, {RoundPage})
        self.assertAllowedParentPageTypes(RoundPage, {RoundIndexPage})
        self.assertAllowedSubpageTypes(RoundPage, set())
        self.assertAllowedParentPageTypes(ProjectIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(ProjectIndexPage, {ProjectPage})
        self.assertAllowedParentPageTypes(ProjectPage, {ProjectIndexPage})
        self.assertAllowedSubpageTypes(ProjectPage, set())
        self.assertAllowedParentPageTypes(ResultsIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(ResultsIndexPage, {ResultsEventPage})
        self.assertAllowedParentPageTypes(ResultsEventPage, {ResultsIndexPage})
        self.assertAllowedSubpageTypes(ResultsEventPage, set())

    def test_a_bare_wagtail_page_cannot_be_created_under_home(self):
        self.assertCanNotCreateAt(HomePage, Page)

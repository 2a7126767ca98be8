"""A problem chooser for the Wagtail admin: staff pick a round's featured problems from the public
problems (most supported first) and can search them by title. Registered as the default widget for
foreign keys to Problem (register_widget), so RoundFeaturedProblem's FieldPanel uses it."""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms.choosers import BaseFilterForm
from wagtail.admin.views.generic import chooser as chooser_views
from wagtail.admin.viewsets.chooser import ChooserViewSet

from soslab.problems.models import Problem


class ProblemChooserFilterForm(BaseFilterForm):
    q = forms.CharField(
        label=_("Search term"),
        widget=forms.TextInput(attrs={"placeholder": _("Search")}),
        required=False,
    )

    def filter(self, objects):
        objects = super().filter(objects)
        query = self.cleaned_data.get("q")
        if query:
            self.is_searching = True
            self.search_query = query
            objects = objects.filter(title__icontains=query)
        return objects


class ProblemChooseView(chooser_views.ChooseView):
    filter_form_class = ProblemChooserFilterForm


class ProblemChooseResultsView(chooser_views.ChooseResultsView):
    filter_form_class = ProblemChooserFilterForm


class ProblemChooserViewSet(ChooserViewSet):
    model = "problems.Problem"
    choose_view_class = ProblemChooseView
    choose_results_view_class = ProblemChooseResultsView
    icon = "warning"
    choose_one_text = _("Choose a problem")
    choose_another_text = _("Choose another problem")
    per_page = 20

    def get_object_list(self):
        return Problem.objects.public().select_related("category").order_by("-support_count", "-pk")


problem_chooser_viewset = ProblemChooserViewSet("problem_chooser")

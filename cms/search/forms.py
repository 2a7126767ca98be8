"""The search page's query string, cleaned by one form. It reuses the problem list's filter form
(soslab.problems.filters: the same words, categories, dongs and statuses) without its tag, sort
and point, and adds the kind of result and the page. Unlike the problem list, a value the page
cannot use is an error the page names (400), never silently dropped: a person who typed a search
should know why it did not run."""

from django import forms
from django.utils.translation import gettext_lazy as _

from soslab.problems.filters import ProblemFilterForm
from soslab.problems.listing import MAX_PAGES

#: The longest search the page takes (characters); the header box says the same.
Q_MAX_LENGTH = 100
KIND_CHOICES = [
    ("", _("All results")),
    ("problems", _("Problems")),
    ("ideas", _("Ideas")),
    ("projects", _("Projects")),
    ("results", _("Results-sharing events")),
    ("rounds", _("Rounds")),
]


class SearchForm(ProblemFilterForm):
    """q, kind, category, dong, status and page of /search/."""

    tag = None
    sort = None
    near = None

    kind = forms.ChoiceField(
        label=_("Show"),
        required=False,
        choices=KIND_CHOICES,
        error_messages={
            "invalid_choice": _("There is no kind of result called “%(value)s”. Choose one below.")
        },
    )
    page = forms.IntegerField(
        label=_("Page"),
        required=False,
        min_value=1,
        max_value=MAX_PAGES,
        error_messages={
            "invalid": _("The page must be a whole number."),
            "min_value": _("The page must be 1 or more."),
            "max_value": _("Only the first %(limit_value)s pages are shown; narrow the search."),
        },
        widget=forms.HiddenInput,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        q = self.fields["q"]
        q.max_length = Q_MAX_LENGTH
        q.error_messages["max_length"] = _(
            "A search can be at most %(limit_value)d characters (it has %(show_value)d). "
            "Try fewer or shorter words."
        )
        self.fields["category"].error_messages["invalid_choice"] = _(
            "This category does not exist. Choose one from the list."
        )
        self.fields["dong"].error_messages["invalid_choice"] = _(
            "This dong is not in Jeonju's list. Choose one from the list."
        )
        self.fields["status"].error_messages["invalid_choice"] = _(
            "There is no status called “%(value)s”. Choose one from the list."
        )

    def clean_q(self):
        return " ".join((self.cleaned_data.get("q") or "").split())

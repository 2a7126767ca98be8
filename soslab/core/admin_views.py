"""Wagtail admin view bases shared by the apps' viewsets."""

from wagtail.admin.views.generic import IndexView

from .csv import SafeCsvExportMixin


class SafeExportIndexView(SafeCsvExportMixin, IndexView):
    """A ModelViewSet index whose `list_export` CSV goes through soslab.core.csv (formulas
    neutralised, UTF-8 with BOM). Set it as `index_view_class` on every viewset that exports."""

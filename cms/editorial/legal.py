"""Legal and service pages: privacy policy, terms of use, accessibility statement, contact.

Their bodies are a small plain-text StreamField (headings, paragraphs, bulleted lists): no rich
text and no HTML, so an editor can change a policy without being able to inject markup. The
default texts are written by `cms.editorial.tree.legal_pages_ensure` (load_reference_data);
editors' later changes are never overwritten."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page

from .home import BilingualMixin


class LegalHeadingBlock(blocks.CharBlock):
    """A section heading (shown as a second-level heading)."""

    class Meta:
        icon = "title"
        label = _("Heading")
        template = "blocks/legal_heading_block.html"


class LegalParagraphBlock(blocks.TextBlock):
    """A paragraph of plain text; line breaks are kept."""

    class Meta:
        icon = "pilcrow"
        label = _("Paragraph")
        template = "blocks/legal_paragraph_block.html"


def legal_body_blocks():
    return [
        ("heading", LegalHeadingBlock(max_length=160)),
        ("paragraph", LegalParagraphBlock()),
        (
            "list",
            blocks.ListBlock(
                blocks.CharBlock(max_length=600, label=_("item")),
                label=_("Bulleted list"),
                icon="list-ul",
                template="blocks/legal_list_block.html",
            ),
        ),
    ]


class LegalPage(BilingualMixin, Page):
    """A legal or service page (privacy policy, terms, accessibility, contact) in Korean with an
    optional English version. Plain text blocks only. Publishing a new privacy policy does not by
    itself ask people to consent again: staff add a policy version for that (docs/privacy.md)."""

    title_en = models.CharField(_("title (English)"), max_length=255, blank=True)
    summary = models.TextField(
        _("summary"), blank=True, help_text=_("Plain text shown above the body.")
    )
    summary_en = models.TextField(_("summary (English)"), blank=True)
    body = StreamField(legal_body_blocks(), verbose_name=_("body"), blank=True)
    body_en = StreamField(legal_body_blocks(), verbose_name=_("body (English)"), blank=True)

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        FieldPanel("body"),
        MultiFieldPanel(
            [FieldPanel("title_en"), FieldPanel("summary_en"), FieldPanel("body_en")],
            heading=_("English"),
        ),
    ]

    parent_page_types = ["cms.HomePage"]
    subpage_types = []

    class Meta:
        verbose_name = _("legal or service page")
        verbose_name_plural = _("legal and service pages")

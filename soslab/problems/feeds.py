"""Atom feed of newly reported public problems (/problems/feed/), for residents, journalists and
the city's own monitoring. Summaries are HTML (type="html"), so citizen text goes through
render_plain_text: escaped, with links rel="nofollow ugc"."""

from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import escape
from django.utils.translation import gettext_lazy as _

from soslab.core import exports
from soslab.core.params import strip_illegal_characters
from soslab.core.text import render_plain_text

from .models import Problem


class LatestProblemsFeed(Feed):
    feed_type = Atom1Feed
    title = _("SOS Lab Jeonju: new local problems")
    subtitle = _("Problems Jeonju residents reported, newest first.")
    link = "/problems/"

    def items(self):
        return (
            Problem.objects.public()
            .select_related("category", "dong", "author")
            .order_by("-created_at", "-pk")[:50]
        )

    def item_title(self, item):
        return strip_illegal_characters(item.title)

    def item_description(self, item):
        place = ", ".join(
            part for part in [str(item.dong) if item.dong else "", item.location_text] if part
        )
        heading = escape(strip_illegal_characters(f"[{item.category.localized_name}] {place}"))
        text = strip_illegal_characters(item.description)
        return f"<p>{heading}</p>\n{render_plain_text(text)}"

    def item_pubdate(self, item):
        return exports.local(item.created_at)  # Korea time, like every export

    def item_updateddate(self, item):
        return exports.local(item.updated_at)

    def item_author_name(self, item):
        return strip_illegal_characters(item.author.public_name)

    def item_categories(self, item):
        return [item.category.localized_name]

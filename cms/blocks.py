"""StreamField blocks shared by the editorial pages. Deliberately small and safe: no raw HTML
block, rich text limited to a few features, video only from an allow-list of providers (rendered
as a privacy-friendly iframe we build ourselves, never provider-supplied HTML), and photos only
with a confirmation that the people shown agreed (PIPA, minors on maker teams).
"""

import re
from urllib.parse import parse_qs, urlparse

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.images.blocks import ImageChooserBlock

#: Rich text features editors and team members may use.
SAFE_RICH_TEXT_FEATURES = ["h3", "bold", "italic", "ol", "ul", "link"]

_YOUTUBE_ID = re.compile(r"^[A-Za-z0-9_-]{11}$")
_VIMEO_ID = re.compile(r"^\d{4,12}$")


def video_embed_url(url):
    """The iframe address for a YouTube or Vimeo link, or None for any other address.

    YouTube is embedded from youtube-nocookie.com (no tracking cookies until play); both hosts are
    the only ones allowed in the Content-Security-Policy frame-src.
    """
    try:
        parsed = urlparse((url or "").strip())
    except ValueError:
        return None
    if parsed.scheme not in ("http", "https"):
        return None
    host = (parsed.hostname or "").lower()
    path = parsed.path or ""
    if host in ("youtube.com", "www.youtube.com", "m.youtube.com", "www.youtube-nocookie.com"):
        video_id = None
        if path == "/watch":
            video_id = (parse_qs(parsed.query).get("v") or [None])[0]
        elif path.startswith(("/embed/", "/shorts/", "/live/")):
            video_id = path.split("/")[2]
        if video_id and _YOUTUBE_ID.match(video_id):
            return f"https://www.youtube-nocookie.com/embed/{video_id}"
        return None
    if host == "youtu.be":
        video_id = path.lstrip("/").split("/")[0]
        if _YOUTUBE_ID.match(video_id):
            return f"https://www.youtube-nocookie.com/embed/{video_id}"
        return None
    if host in ("vimeo.com", "www.vimeo.com", "player.vimeo.com"):
        parts = [part for part in path.split("/") if part]
        if parts and parts[0] == "video":
            parts = parts[1:]
        if parts and _VIMEO_ID.match(parts[0]):
            return f"https://player.vimeo.com/video/{parts[0]}"
    return None


def validate_video_url(url):
    if video_embed_url(url) is None:
        raise ValidationError(
            _("Only YouTube and Vimeo videos can be embedded. Paste the video's address."),
            code="video_provider",
        )


class VideoBlock(blocks.StructBlock):
    """A YouTube or Vimeo video. Other providers are refused with a clear message."""

    url = blocks.URLBlock(
        label=_("video address"),
        help_text=_("A YouTube or Vimeo link, e.g. https://www.youtube.com/watch?v=..."),
        validators=[validate_video_url],
    )
    title = blocks.CharBlock(
        label=_("title"),
        max_length=120,
        help_text=_("Describes the video for screen reader users."),
    )
    caption = blocks.CharBlock(label=_("caption"), max_length=250, required=False)

    class Meta:
        icon = "media"
        label = _("Video")
        template = "blocks/video_block.html"

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        context["embed_url"] = video_embed_url(value.get("url"))
        return context


class PhotoBlock(blocks.StructBlock):
    """One photo with a caption, alt text and the consent confirmation of the people shown."""

    image = ImageChooserBlock(label=_("image"))
    alt = blocks.CharBlock(
        label=_("alternative text"),
        max_length=200,
        required=False,
        help_text=_("What the photo shows, for people who cannot see it."),
    )
    caption = blocks.CharBlock(label=_("caption"), max_length=250, required=False)
    people_agreed = blocks.BooleanBlock(
        label=_("The people shown agreed to this photo being published"),
        required=False,
        help_text=_("Required. For members under 14 their guardian must have agreed."),
    )

    class Meta:
        icon = "image"
        label = _("Photo")
        template = "blocks/photo_block.html"

    def clean(self, value):
        value = super().clean(value)
        if value.get("image") and not value.get("people_agreed"):
            raise StructBlockValidationError(
                block_errors={
                    "people_agreed": ValidationError(
                        _("Confirm that the people shown agreed before publishing this photo.")
                    )
                }
            )
        return value


class GalleryBlock(blocks.StructBlock):
    """A set of photos shown as a grid."""

    title = blocks.CharBlock(label=_("title"), max_length=120, required=False)
    photos = blocks.ListBlock(PhotoBlock(), label=_("photos"), min_num=1, max_num=24)

    class Meta:
        icon = "image"
        label = _("Gallery")
        template = "blocks/gallery_block.html"


class CodeRepositoryBlock(blocks.StructBlock):
    """A link to the project's source code (GitHub, GitLab, ...)."""

    url = blocks.URLBlock(label=_("repository address"))
    label = blocks.CharBlock(label=_("link text"), max_length=120, required=False)
    licence = blocks.CharBlock(label=_("licence"), max_length=60, required=False)

    class Meta:
        icon = "code"
        label = _("Code repository")
        template = "blocks/code_repository_block.html"


class PartBlock(blocks.StructBlock):
    name = blocks.CharBlock(label=_("part"), max_length=120)
    quantity = blocks.CharBlock(label=_("quantity"), max_length=30, required=False)
    spec = blocks.CharBlock(label=_("specification"), max_length=250, required=False)


class PartsTableBlock(blocks.StructBlock):
    """A parts and specifications table (plain text cells, so nothing can inject markup)."""

    caption = blocks.CharBlock(label=_("table caption"), max_length=120, required=False)
    rows = blocks.ListBlock(PartBlock(), label=_("parts"), min_num=1, max_num=60)

    class Meta:
        icon = "table"
        label = _("Parts and specifications")
        template = "blocks/parts_table_block.html"


class QuoteBlock(blocks.StructBlock):
    """A quote from a resident, mentor or team member."""

    text = blocks.TextBlock(label=_("quote"), max_length=600)
    attribution = blocks.CharBlock(label=_("who said it"), max_length=120, required=False)

    class Meta:
        icon = "openquote"
        label = _("Quote")
        template = "blocks/quote_block.html"


class MapPlaceBlock(blocks.StructBlock):
    label = blocks.CharBlock(label=_("place name"), max_length=80)
    lat = blocks.FloatBlock(label=_("latitude"), help_text=_("e.g. 35.8242"))
    lon = blocks.FloatBlock(label=_("longitude"), help_text=_("e.g. 127.1480"))

    def clean(self, value):
        value = super().clean(value)
        from geo.boundaries import in_city

        if not in_city(value["lon"], value["lat"]):
            raise StructBlockValidationError(
                block_errors={
                    "lat": ValidationError(_("This point is outside Jeonju. Check the numbers."))
                }
            )
        return value


class MapBlock(blocks.StructBlock):
    """A small map of places in Jeonju (where a project works, where a results event is held),
    with the same places listed as text. Drawn with folium and the vendored Leaflet (geo app)."""

    heading = blocks.CharBlock(label=_("heading"), required=False, max_length=80)
    places = blocks.ListBlock(MapPlaceBlock(), label=_("places"), min_num=1, max_num=20)

    def get_context(self, value, parent_context=None):
        import hashlib

        from geo import maps

        context = super().get_context(value, parent_context=parent_context)
        places = [(p["lat"], p["lon"], p["label"]) for p in value["places"]]
        key = hashlib.sha256(repr(places).encode()).hexdigest()[:12]
        context["map_parts"] = maps.render_cached(
            f"places:{key}", lambda: maps.places_map(places, dom_id=f"places-map-{key}")
        )
        context["map_assets"] = maps.vendor_assets()
        return context

    class Meta:
        icon = "site"
        label = _("Map")
        template = "blocks/map_block.html"


def project_body_blocks():
    """The blocks of a project page body (and of a results event's story)."""
    items = [
        (
            "text",
            blocks.RichTextBlock(
                features=SAFE_RICH_TEXT_FEATURES, label=_("Text"), template="blocks/text_block.html"
            ),
        ),
        ("photo", PhotoBlock()),
        ("gallery", GalleryBlock()),
        ("video", VideoBlock()),
        ("code", CodeRepositoryBlock()),
        ("parts", PartsTableBlock()),
        ("quote", QuoteBlock()),
    ]
    map_block = globals().get("MapBlock")
    if map_block is not None:
        items.append(("map", map_block()))
    return items

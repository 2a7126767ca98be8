"""The upload pipeline for citizen photos (problems now; ideas and projects reuse it).

Nothing a person uploads is stored as sent. A file is accepted only if its *content* is JPEG,
PNG or WebP (the name and the browser's content type are ignored), it is at most 10 MB, and its
declared dimensions are at most 40 megapixels, checked from the header before any pixel is
decoded, so a decompression bomb (a tiny file that expands to gigabytes) is refused without
being expanded. The pixels are then re-encoded into a fresh file: EXIF, GPS, XMP, comments and
ICC oddities are dropped (FixMyStreet once leaked reporters' home locations through EXIF), the
camera orientation is applied first so photos are not shown sideways, very large photos are
scaled down, and a small thumbnail is made for lists.

    from soslab.core.images import ImageRejected, process_upload
    try:
        processed = process_upload(request.FILES["photo"])
    except ImageRejected as exc:
        form.add_error("photo", exc.message)
    photo.image.save(processed.name, processed.image)

Rows that keep such images (ProblemPhoto, IdeaImage) derive from ProcessedImageModel and store a
result with `row.store(processed)`.
"""

import io
import uuid
import warnings
from dataclasses import dataclass

from django.core.files.base import ContentFile
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageOps

from .media import MediaUrlsMixin

MAX_BYTES = 10 * 1024 * 1024
MAX_PIXELS = 40_000_000
MAX_SIDE = 2560  # stored photos are scaled down to this longest side
THUMB_SIDE = 480

# Magic numbers: the only three formats we accept.
_SIGNATURES = (
    (b"\xff\xd8\xff", "JPEG"),
    (b"\x89PNG\r\n\x1a\n", "PNG"),
)
_EXTENSIONS = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp"}


class ImageRejected(Exception):
    """The upload is not an acceptable photo; `message` says why, translated."""

    def __init__(self, message, *, code):
        super().__init__(str(message))
        self.message = message
        self.code = code


@dataclass
class ProcessedImage:
    name: str
    image: ContentFile
    thumbnail_name: str
    thumbnail: ContentFile
    width: int
    height: int
    format: str


def sniff_format(head):
    """'JPEG', 'PNG' or 'WEBP' from the first bytes of a file, else None."""
    for signature, fmt in _SIGNATURES:
        if head.startswith(signature):
            return fmt
    if len(head) >= 12 and head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "WEBP"
    return None


def _read_all(upload, max_bytes):
    size = getattr(upload, "size", None)
    if size is not None and size > max_bytes:
        raise _too_large()
    if hasattr(upload, "seek"):
        upload.seek(0)
    data = upload.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise _too_large()
    return data


def _too_large():
    return ImageRejected(
        _("This photo is larger than 10 MB. Please choose a smaller one."), code="too_large"
    )


def _unreadable():
    return ImageRejected(
        _("This file is not a JPEG, PNG or WebP photo, or it is damaged."), code="invalid"
    )


def _flatten(image, keep_alpha):
    """A new image holding only pixels (no metadata), in a mode the target format can store."""
    if keep_alpha and image.mode in ("RGBA", "LA", "P"):
        image = image.convert("RGBA")
    elif image.mode != "RGB":
        if image.mode in ("RGBA", "LA", "P"):
            rgba = image.convert("RGBA")
            background = Image.new("RGB", rgba.size, (255, 255, 255))
            background.paste(rgba, mask=rgba.getchannel("A"))
            image = background
        else:
            image = image.convert("RGB")
    clean = Image.new(image.mode, image.size)
    clean.paste(image)
    return clean


def _encode(image, fmt):
    buffer = io.BytesIO()
    if fmt == "JPEG":
        image.save(buffer, "JPEG", quality=85, optimize=True, progressive=True)
    elif fmt == "PNG":
        image.save(buffer, "PNG", optimize=True)
    else:
        image.save(buffer, "WEBP", quality=82, method=4)
    return buffer.getvalue()


def process_upload(upload, *, max_bytes=MAX_BYTES, max_pixels=MAX_PIXELS):
    """Check and re-encode one uploaded photo. Returns ProcessedImage; raises ImageRejected."""
    data = _read_all(upload, max_bytes)
    fmt = sniff_format(data[:16])
    if fmt is None:
        raise _unreadable()
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            source = Image.open(io.BytesIO(data), formats=[fmt])
            width, height = source.size
            if width <= 0 or height <= 0:
                raise _unreadable()
            if width * height > max_pixels:
                raise ImageRejected(
                    _("This photo has too many pixels (at most 40 megapixels)."),
                    code="too_many_pixels",
                )
            source.seek(0)  # first frame of an animation
            source.load()
            oriented = ImageOps.exif_transpose(source)
    except ImageRejected:
        raise
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
        raise ImageRejected(
            _("This photo has too many pixels (at most 40 megapixels)."), code="too_many_pixels"
        ) from exc
    except (OSError, SyntaxError, ValueError, EOFError) as exc:
        raise _unreadable() from exc

    keep_alpha = fmt in ("PNG", "WEBP")
    clean = _flatten(oriented, keep_alpha)
    if max(clean.size) > MAX_SIDE:
        clean.thumbnail((MAX_SIDE, MAX_SIDE), Image.Resampling.LANCZOS)
    thumb = _flatten(clean, keep_alpha=False)
    thumb.thumbnail((THUMB_SIDE, THUMB_SIDE), Image.Resampling.LANCZOS)

    stem = uuid.uuid4().hex
    name = f"{stem}.{_EXTENSIONS[fmt]}"
    return ProcessedImage(
        name=name,
        image=ContentFile(_encode(clean, fmt), name=name),
        thumbnail_name=f"{stem}_thumb.jpg",
        thumbnail=ContentFile(_encode(thumb, "JPEG"), name=f"{stem}_thumb.jpg"),
        width=clean.size[0],
        height=clean.size[1],
        format=fmt,
    )


class ProcessedImageModel(MediaUrlsMixin, models.Model):
    """Base of every stored citizen image: a file re-encoded by process_upload and its thumbnail,
    in private storage (soslab.core.media decides when their URLs are public). Subclasses declare
    `image` (with width_field/height_field), `thumbnail` and `alt_text` in their own folder and
    words, and the foreign key to what they illustrate."""

    width = models.PositiveIntegerField(default=0)
    height = models.PositiveIntegerField(default=0)
    position = models.PositiveSmallIntegerField(default=0)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        abstract = True
        ordering = ["position", "pk"]

    def store(self, processed):
        """Save a ProcessedImage's image and thumbnail files, then the row. Returns the row."""
        self.image.save(processed.name, processed.image, save=False)
        self.thumbnail.save(processed.thumbnail_name, processed.thumbnail, save=False)
        self.save()
        return self

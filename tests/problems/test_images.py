"""The photo pipeline (soslab.core.images): content sniffing, size and pixel limits,
decompression bombs, EXIF/GPS stripped, thumbnails."""

import io
import struct
import zlib

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from soslab.core.images import MAX_BYTES, ImageRejected, process_upload


def jpeg_with_gps(size=(640, 480)):
    image = Image.new("RGB", size, (200, 30, 30))
    exif = Image.Exif()
    exif[0x010F] = "PhoneMaker"  # Make
    exif[0x8825] = {1: "N", 2: (35.0, 49.0, 27.0), 3: "E", 4: (127.0, 8.0, 53.0)}
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", exif=exif)
    data = buffer.getvalue()
    assert Image.open(io.BytesIO(data)).getexif().get_ifd(0x8825)  # the fixture really has GPS
    return data


def upload(data, name="photo.jpg", content_type="image/jpeg"):
    return SimpleUploadedFile(name, data, content_type=content_type)


def png_bytes(size, mode="RGB"):
    buffer = io.BytesIO()
    Image.new(mode, size).save(buffer, "PNG")
    return buffer.getvalue()


def test_jpeg_reencoded_without_exif_or_gps():
    processed = process_upload(upload(jpeg_with_gps()))
    stored = processed.image.read()
    image = Image.open(io.BytesIO(stored))
    assert image.format == "JPEG"
    exif = image.getexif()
    assert len(exif) == 0
    assert not exif.get_ifd(0x8825)
    assert b"Exif" not in stored[:2048] and b"PhoneMaker" not in stored
    assert (processed.width, processed.height) == (640, 480)


def test_thumbnail_is_small_jpeg():
    processed = process_upload(upload(jpeg_with_gps((2000, 1000))))
    thumb = Image.open(io.BytesIO(processed.thumbnail.read()))
    assert thumb.format == "JPEG"
    assert max(thumb.size) <= 480


def test_png_and_webp_accepted_by_content_even_with_wrong_name():
    processed = process_upload(upload(png_bytes((50, 40), "RGBA"), name="photo.jpg"))
    assert processed.format == "PNG" and processed.name.endswith(".png")
    buffer = io.BytesIO()
    Image.new("RGB", (30, 30)).save(buffer, "WEBP")
    assert process_upload(upload(buffer.getvalue(), name="x.bin")).format == "WEBP"


def test_text_file_renamed_jpg_refused():
    with pytest.raises(ImageRejected) as exc:
        process_upload(upload(b"this is not a photo at all", name="photo.jpg"))
    assert exc.value.code == "invalid"


def test_gif_refused():
    buffer = io.BytesIO()
    Image.new("RGB", (10, 10)).save(buffer, "GIF")
    with pytest.raises(ImageRejected):
        process_upload(upload(buffer.getvalue(), name="a.gif"))


def test_truncated_jpeg_refused():
    data = jpeg_with_gps()[:200]
    with pytest.raises(ImageRejected) as exc:
        process_upload(upload(data))
    assert exc.value.code == "invalid"


def test_oversized_file_refused():
    data = b"\xff\xd8\xff" + b"\0" * MAX_BYTES
    with pytest.raises(ImageRejected) as exc:
        process_upload(upload(data))
    assert exc.value.code == "too_large"


def test_decompression_bomb_refused_before_decoding():
    # 8000 x 6000 = 48 megapixels of one colour: a ~50 kB file that would expand to 48 MB.
    data = png_bytes((8000, 6000), "L")
    assert len(data) < 200_000
    with pytest.raises(ImageRejected) as exc:
        process_upload(upload(data, name="bomb.png"))
    assert exc.value.code == "too_many_pixels"


def _with_forged_ihdr(png, width, height):
    # IHDR starts at byte 8: length(4) type(4) data(13) crc(4).
    ihdr = bytearray(png[16:29])
    ihdr[0:8] = struct.pack(">II", width, height)
    crc = struct.pack(">I", zlib.crc32(b"IHDR" + bytes(ihdr)) & 0xFFFFFFFF)
    return png[:16] + bytes(ihdr) + crc + png[33:]


def test_forged_huge_dimensions_refused():
    data = _with_forged_ihdr(png_bytes((1, 1)), 100_000, 100_000)
    with pytest.raises(ImageRejected) as exc:
        process_upload(upload(data, name="bomb.png"))
    assert exc.value.code == "too_many_pixels"

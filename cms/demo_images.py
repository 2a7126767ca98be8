"""Wagtail images for the demo pages (projects, events, rounds), drawn by
soslab.core.illustrations: no people, no text, the same picture on every run."""

import io

from django.core.files.images import ImageFile
from wagtail.images.models import Image
from wagtail.models import Collection

from soslab.core import illustrations

DEMO_COLLECTION = "SOS랩 데모 사진"
ILLUSTRATED = "demo-illustration"  # in the file name of every drawn demo image


def demo_image(title, scene):
    """A Wagtail image drawn by soslab.core.illustrations (no people, no text), created once.
    An image of that title still holding the old flat placeholder gets the drawing instead."""
    image = Image.objects.filter(title=title).first()
    if image is not None and ILLUSTRATED in image.file.name:
        return image
    data = illustrations.jpeg(scene, seed=title, size=(1200, 675), quality=84)
    upload = ImageFile(io.BytesIO(data), name=f"{ILLUSTRATED}-{scene}.jpg")
    if image is not None:
        image.renditions.all().delete()
        image.file = upload
        image._set_image_file_metadata()  # size and hash of the new file, as Wagtail's form does
        image.save()
        return image
    root = Collection.get_first_root_node()
    collection = Collection.objects.filter(name=DEMO_COLLECTION).first() or root.add_child(
        name=DEMO_COLLECTION
    )
    return Image.objects.create(title=title, collection=collection, file=upload)

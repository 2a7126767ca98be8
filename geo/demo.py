"""Reference geo data for the demo: the 35 dongs (real boundaries; see fixtures/jeonju/SOURCES.md)."""

from .models import Dong
from .services import dongs_sync


def load(out):
    dongs_sync()
    return {"dongs": Dong.objects.count()}

"""Reference data every installation needs: Jeonju's 35 dongs and the AirKorea stations, from
fixtures/jeonju/ (real public data, see SOURCES.md). Upserts keyed on natural keys. Run by
`manage.py load_reference_data`."""

from .models import AirStation, Dong
from .services import dongs_sync, stations_sync


def load(out):
    dongs_sync()
    stations_sync()
    return {"dongs": Dong.objects.count(), "stations": AirStation.objects.count()}

import pytest


@pytest.fixture
def stations(dongs):
    from geo.models import AirStation
    from geo.services import stations_sync

    stations_sync()
    return {station.name: station for station in AirStation.objects.all()}

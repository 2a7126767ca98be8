"""The geography GeoJSON: the 7 stations with their coordinates."""

import json

import pytest


@pytest.mark.django_db
def test_stations_geojson_has_seven_stations(client, stations):
    data = json.loads(client.get("/api/geo/stations.geojson").content)
    assert len(data["features"]) == 7
    feature = next(f for f in data["features"] if f["properties"]["name"] == "혁신동")
    station = stations["혁신동"]
    assert feature["geometry"]["coordinates"] == [round(station.lon, 7), round(station.lat, 7)]

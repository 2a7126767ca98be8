"""40 simultaneous read-then-write transactions never fail with "database is locked"."""

import threading

import pytest
from django.db import close_old_connections, connection, transaction
from django.db.models import F

from geo.models import Dong


@pytest.mark.django_db(transaction=True)
def test_forty_concurrent_writers_all_succeed():
    if connection.vendor == "sqlite" and connection.settings_dict["NAME"] in (":memory:", ""):
        pytest.fail("test settings must use a file SQLite database for concurrency tests")
    dong = Dong.objects.create(
        code="1",
        code_2024="2",
        kostat_code="3",
        name="테스트동",
        gu="완산구",
        area_km2=0,
        rep_lon=0,
        rep_lat=0,
    )
    errors = []
    barrier = threading.Barrier(40)

    def write():
        try:
            barrier.wait(timeout=10)
            with transaction.atomic():
                Dong.objects.get(
                    pk=dong.pk
                )  # read first: the pattern that deadlocks in DEFERRED mode
                Dong.objects.filter(pk=dong.pk).update(area_km2=F("area_km2") + 1)
        except Exception as exc:  # noqa: BLE001 - collected and asserted below
            errors.append(repr(exc))
        finally:
            close_old_connections()
            connection.close()

    threads = [threading.Thread(target=write) for _ in range(40)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert errors == []
    dong.refresh_from_db()
    assert dong.area_km2 == 40

from django.db import transaction

from .services import hotspots_schedule


def _moved():
    """What is left where a hotspots_schedule registration was moved from: nothing to do."""


def _schedule_once_on_commit():
    """Register hotspots_schedule to run when the transaction commits, once per transaction.

    When this transaction (or an enclosing savepoint, so a rolled-back savepoint cannot drop it)
    already registered it, that registration is moved to the end of the list: the old slot is
    blanked in place (no index shifts) and the call appended with the old savepoints. One
    recomputation after the last change, however many problems the transaction saves; and test
    captures (which run only the callbacks registered after they start) still see the call."""
    connection = transaction.get_connection()
    if connection.in_atomic_block:
        open_savepoints = set(connection.savepoint_ids)
        callbacks = connection.run_on_commit
        for index in range(len(callbacks) - 1, -1, -1):
            savepoints, func, _robust = callbacks[index]
            if func is hotspots_schedule and savepoints <= open_savepoints:
                callbacks[index] = (savepoints, _moved, _robust)
                callbacks.append((savepoints, hotspots_schedule, _robust))
                return
    transaction.on_commit(hotspots_schedule)


def problem_changed(sender, instance, **kwargs):
    """Queue a hotspot recomputation once the change is committed (once per transaction)."""
    if instance.lat is None or instance.lon is None:
        return
    _schedule_once_on_commit()

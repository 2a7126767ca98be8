from django.db import transaction

from .files import enabled, files_schedule


def problem_changed(sender, instance, **kwargs):
    """A problem was saved or deleted: once committed, the open-data files are stale and one
    debounced rebuild is queued (soslab.opendata.files). Once per transaction, however many
    problems it writes (a bulk load marks the files stale once)."""
    if not enabled():
        return
    connection = transaction.get_connection()
    if any(getattr(entry[1], "opendata_pending", False) for entry in connection.run_on_commit):
        return

    def schedule():
        schedule.opendata_pending = False
        files_schedule()

    schedule.opendata_pending = True
    transaction.on_commit(schedule)

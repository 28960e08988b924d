"""Background work of the accounts app."""

from django_tasks import task


@task()
def login_records_prune_task() -> int:
    """Periodic: login records older than KNOTENPUNKT_LOGIN_LOG_DAYS are deleted."""
    from .retention import login_records_prune

    return login_records_prune()

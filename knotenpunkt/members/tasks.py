"""Background work of the members app: confirmed CSV imports."""

from django_tasks import task


@task()
def import_job_run_task(*, network_id: int, job_id: int) -> str:
    """Run one confirmed import (see import_jobs); returns the job's status."""
    from .import_jobs import import_job_run

    return import_job_run(network_id=network_id, job_id=job_id)


@task()
def import_jobs_tidy_task() -> list[int]:
    """Periodic: interrupted imports are marked failed, old error details removed."""
    from .import_jobs import import_jobs_tidy

    return list(import_jobs_tidy())

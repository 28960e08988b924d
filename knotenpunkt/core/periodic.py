"""Recurring work, enqueued by `manage.py periodic` (every few minutes from cron or `make run`).

Core runs no app's code by name: each app registers its jobs in its AppConfig.ready()::

    from knotenpunkt.core import periodic

    from . import tasks

    periodic.register(tasks.meeting_reminders_send)

A job is a django-tasks task without arguments; it decides itself whether anything is due,
so running it more often than needed is harmless (docs/decisions/0014-layers-and-registries.md).
"""

_jobs: dict[str, object] = {}


def register(job):
    """Enqueue `job` on every periodic run; registering it again changes nothing."""
    _jobs[job.module_path] = job
    return job


def unregister(job) -> None:
    _jobs.pop(job.module_path, None)


def jobs() -> list:
    """The registered jobs, in the order the apps registered them."""
    return list(_jobs.values())


def run_periodic() -> list[str]:
    """Enqueue every registered job; the dotted names of the jobs enqueued."""
    for job in _jobs.values():
        job.enqueue()
    return list(_jobs)

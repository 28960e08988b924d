"""Recurring work, enqueued by `manage.py periodic`. Apps add their jobs to PERIODIC_JOBS."""

from django.utils.module_loading import import_string

# Dotted paths of tasks without arguments; later apps (reminders, feeds) add theirs here.
PERIODIC_JOBS = [
    "knotenpunkt.core.tasks.worker_heartbeat",
    "knotenpunkt.meetings.tasks.meeting_reminders_send",
    "knotenpunkt.meetings.tasks.action_item_reminders_send",
    "knotenpunkt.eventcalendar.import_tasks.import_sources_due",
    "knotenpunkt.members.tasks.import_jobs_tidy_task",
    "knotenpunkt.eventcalendar.tasks.interrupted_work_fail",
    "knotenpunkt.accounts.tasks.login_records_prune_task",
]


def run_periodic() -> list[str]:
    names = []
    for path in PERIODIC_JOBS:
        import_string(path).enqueue()
        names.append(path)
    return names

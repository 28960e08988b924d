"""Background tasks of the core."""

from django.utils import timezone
from django_tasks import task

from .models import WorkerHeartbeat


@task()
def worker_heartbeat() -> str:
    """Run by the worker so that /healthz can tell a living worker from a dead one."""
    now = timezone.now()
    WorkerHeartbeat.objects.update_or_create(name="default", defaults={"seen_at": now})
    return now.isoformat()


@task()
def send_mail_task(*, to: list[str], subject: str, body: str) -> int:
    """Send one plain-text mail over the configured SMTP server."""
    from django.conf import settings
    from django.core.mail import EmailMessage

    message = EmailMessage(
        subject=subject, body=body, from_email=settings.DEFAULT_FROM_EMAIL, to=to
    )
    return message.send(fail_silently=False)

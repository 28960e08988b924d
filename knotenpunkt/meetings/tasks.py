"""Background work of the meetings app: mails with invitations, and the periodic reminders."""

from django_tasks import task


@task()
def send_calendar_mail_task(
    *, to: list[str], subject: str, body: str, ics: str, method: str
) -> int:
    """Send a plain-text mail with an iTIP calendar part (`text/calendar; method=...`)."""
    from email.mime.text import MIMEText

    from django.conf import settings
    from django.core.mail import EmailMessage

    message = EmailMessage(
        subject=subject, body=body, from_email=settings.DEFAULT_FROM_EMAIL, to=to
    )
    part = MIMEText(ics, "calendar", "utf-8")
    part.set_param("method", method)
    part.add_header("Content-Disposition", "attachment", filename="invitation.ics")
    message.attach(part)
    return message.send(fail_silently=False)


@task()
def meeting_reminders_send() -> int:
    """Periodic: remind every confirmed registrant once, some hours before the meeting."""
    from .reminders import send_meeting_reminders

    return send_meeting_reminders()


@task()
def action_item_reminders_send() -> int:
    """Periodic: tell owners once about each action item that is past its due date."""
    from .reminders import send_action_item_reminders

    return send_action_item_reminders()

"""Background work of the directory of offers: the periodic reminders to confirm offers."""

from django_tasks import task


@task()
def offer_reminders_send() -> int:
    """Periodic: remind the owners of offers past the first period, once per period."""
    from .reminders import send_offer_reminders

    return send_offer_reminders()

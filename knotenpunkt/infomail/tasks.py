"""The info mail's background work: sending an issue, a test to oneself, the periodic sweep."""

import logging

from django_scopes import scope, scopes_disabled
from django_tasks import task

log = logging.getLogger(__name__)


@task()
def mailing_send_task(*, mailing_id: int) -> dict:
    """Send what is due of the mailing (sending.mailing_deliver); deliveries to be retried
    later get a task of their own at that moment."""
    from .sending import mailing_deliver

    outcome = mailing_deliver(mailing_id)
    if outcome.retry_at is not None:
        mailing_send_task.using(run_after=outcome.retry_at).enqueue(mailing_id=mailing_id)
    return {
        "sent": outcome.sent,
        "retry": outcome.retry,
        "failed": outcome.failed,
        "stopped": outcome.stopped,
    }


@task()
def mailing_test_task(*, network_id: int, version_id: int, to: str) -> int:
    """A coordinator's test: the version rendered now, sent to their own address."""
    from django.core.mail import get_connection

    from .compose import mailing_render
    from .message import message_build
    from .models import MailingVersion

    with scopes_disabled():
        version = MailingVersion.objects.select_related("mailing", "network").get(
            pk=version_id, network_id=network_id
        )
    with scope(network=version.network):
        rendered = mailing_render(version)
        message = message_build(rendered, to=to, network=version.network, language=version.language)
        return get_connection(fail_silently=False).send_messages([message])


@task()
def mailings_start_and_resume() -> dict:
    """Periodic: scheduled mailings whose moment has come are sent; a mailing whose worker
    died (its lease ran out) gets its unknown delivery marked and a new task."""
    from knotenpunkt.core.errors import DomainError

    from .sending import mailings_due, mailings_resume
    from .services_sending import mailing_send

    started = 0
    for mailing in mailings_due():
        with scope(network=mailing.network):
            try:
                mailing_send(mailing=mailing, actor=None)
            except DomainError as error:  # sent meanwhile, or emptied of text
                log.warning("scheduled mailing %s not sent: %s", mailing.pk, error)
                continue
        started += 1
    resumed = mailings_resume()
    for mailing_id in resumed:
        mailing_send_task.enqueue(mailing_id=mailing_id)
    return {"started": started, "resumed": len(resumed)}

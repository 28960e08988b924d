"""Sending an issue: a test to oneself, scheduling, sending to the segment, the progress.

The services decide who gets the issue and freeze what they get; the sending itself is
the worker's (`sending.mailing_deliver`, run by `tasks.mailing_send_task`), one committed
step per delivery (docs/decisions/0027-crash-safe-sending.md).
"""

import datetime

from django.db import transaction
from django.db.models import Count
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from knotenpunkt.core.errors import DomainError
from knotenpunkt.core.policy import require_actor
from knotenpunkt.core.services import audit_record

from .audit import InfomailAuditKind
from .compose import mailing_render
from .models import Delivery, Mailing, MailingVersion, Subscriber
from .selectors import version_in

MANAGE = "infomail.manage"


def _locked(mailing: Mailing) -> Mailing:
    """The mailing read again under a row lock: two coordinators pressing "send" at once
    must not both create deliveries."""
    return Mailing.objects.select_for_update().get(pk=mailing.pk)


def version_for(mailing: Mailing, language: str) -> MailingVersion:
    """The version a reader of `language` gets (`selectors.version_in`: their own language,
    else the network's, else the first); a mailing without any cannot be sent."""
    version = version_in(mailing, language)
    if version is None:
        raise DomainError(_("The info mail has no text yet."), field=None)
    return version


def recipients(mailing: Mailing):
    """The active subscribers of the mailing's segment: its languages and topics (empty:
    everyone); a subscriber with several of the topics is one recipient."""
    subscribers = Subscriber.objects.filter(
        network=mailing.network, status=Subscriber.Status.ACTIVE
    )
    if mailing.languages:
        subscribers = subscribers.filter(language__in=mailing.languages)
    topic_ids = list(mailing.topics.values_list("pk", flat=True))
    if topic_ids:
        subscribers = subscribers.filter(topics__in=topic_ids).distinct()
    return subscribers.order_by("pk")


@transaction.atomic
def mailing_send_test(*, mailing: Mailing, language: str, actor) -> None:
    """Send the version in `language` (or its fallback) to the actor's own address, now as
    it would be sent; the personal links lead to the sign-up page."""
    require_actor(actor, mailing.network, MANAGE)
    version = version_for(mailing, language)
    audit_record(
        network=mailing.network,
        actor=actor,
        action=InfomailAuditKind.MAILING_SEND_TEST,
        target=mailing,
        summary=version.language,
    )
    from .tasks import mailing_test_task

    transaction.on_commit(
        lambda: mailing_test_task.enqueue(
            network_id=mailing.network_id, version_id=version.pk, to=actor.email
        )
    )


@transaction.atomic
def mailing_schedule(*, mailing: Mailing, at: datetime.datetime, actor) -> Mailing:
    """Have the periodic job send the mailing at `at` (a moment still to come)."""
    require_actor(actor, mailing.network, MANAGE)
    mailing = _locked(mailing)
    if mailing.status not in (Mailing.Status.DRAFT, Mailing.Status.SCHEDULED):
        raise DomainError(_("This info mail has already been sent."), field=None)
    if at <= timezone.now():
        raise DomainError(_("Choose a moment in the future."), field="at")
    version_for(mailing, mailing.network.default_language)
    before = mailing.scheduled_for
    mailing.status = Mailing.Status.SCHEDULED
    mailing.scheduled_for = at
    mailing.save(update_fields=["status", "scheduled_for"])
    audit_record(
        network=mailing.network,
        actor=actor,
        action=InfomailAuditKind.MAILING_SCHEDULE,
        target=mailing,
        changes={"scheduled_for": (before, at)},
    )
    return mailing


@transaction.atomic
def mailing_unschedule(*, mailing: Mailing, actor) -> Mailing:
    """Back to a draft; a mailing that started sending cannot be called back."""
    require_actor(actor, mailing.network, MANAGE)
    mailing = _locked(mailing)
    if mailing.status != Mailing.Status.SCHEDULED:
        raise DomainError(_("This info mail is not scheduled."), field=None)
    before = mailing.scheduled_for
    mailing.status = Mailing.Status.DRAFT
    mailing.scheduled_for = None
    mailing.save(update_fields=["status", "scheduled_for"])
    audit_record(
        network=mailing.network,
        actor=actor,
        action=InfomailAuditKind.MAILING_UNSCHEDULE,
        target=mailing,
        changes={"scheduled_for": (before, None)},
    )
    return mailing


@transaction.atomic
def mailing_send(*, mailing: Mailing, actor) -> Mailing:
    """Freeze the issue, create one delivery per recipient and let the worker send them.

    Each delivery's language is the subscriber's when the mailing has a version in it, else
    the fallback of `version_for` (the network's default language, else the first version),
    so that everybody gets an issue they can be expected to read. `actor=None` is the
    periodic job starting a scheduled mailing. A mailing that is sending or sent is refused:
    it can never be sent twice.
    """
    require_actor(actor, mailing.network, MANAGE)
    mailing = _locked(mailing)
    if mailing.status not in (Mailing.Status.DRAFT, Mailing.Status.SCHEDULED):
        raise DomainError(_("This info mail has already been sent."), field=None)
    versions = list(mailing.versions.all())
    if not versions:
        raise DomainError(_("The info mail has no text yet."), field=None)
    for version in versions:
        rendered = mailing_render(version)
        version.sent_text, version.sent_html = rendered.text, rendered.html
        version.save(update_fields=["sent_text", "sent_html"])
    languages = {version.language for version in versions}
    fallback = version_for(mailing, mailing.network.default_language).language
    deliveries = Delivery.objects.bulk_create(
        [
            Delivery(
                network_id=mailing.network_id,
                mailing=mailing,
                subscriber=subscriber,
                email=subscriber.email,
                language=subscriber.language if subscriber.language in languages else fallback,
            )
            for subscriber in recipients(mailing).only("pk", "email", "language")
        ],
        batch_size=500,
    )
    mailing.status = Mailing.Status.SENDING
    mailing.sending_started_at = timezone.now()
    mailing.save(update_fields=["status", "sending_started_at"])
    audit_record(
        network=mailing.network,
        actor=actor,
        action=InfomailAuditKind.MAILING_SEND,
        target=mailing,
        summary=str(len(deliveries)),
    )
    from .tasks import mailing_send_task

    mailing_id = mailing.pk
    transaction.on_commit(lambda: mailing_send_task.enqueue(mailing_id=mailing_id))
    return mailing


def mailing_progress(mailing: Mailing) -> dict:
    """How many deliveries are in each state (every state named, 0 if none) and the total."""
    counts = dict.fromkeys(Delivery.State.values, 0)
    rows = mailing.deliveries.values_list("state").annotate(count=Count("pk")).order_by()
    for state, count in rows:
        counts[state] = count
    counts["total"] = sum(counts[state] for state in Delivery.State.values)
    return counts

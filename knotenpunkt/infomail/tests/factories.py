"""Makers of info-mail objects for tests; the network's scope must be active."""

from django.utils import timezone

from ..models import Delivery, Mailing, MailingVersion, Subscriber, Topic


def topic_make(network, name="Veranstaltungen", **values) -> Topic:
    return Topic.objects.create(network=network, name=name, **values)


def subscriber_make(
    network, email="leser@example.org", *, language="de", topics=(), **values
) -> Subscriber:
    values.setdefault("status", Subscriber.Status.ACTIVE)
    if values["status"] == Subscriber.Status.ACTIVE:
        values.setdefault("confirmed_at", timezone.now())
    subscriber = Subscriber.objects.create(
        network=network, email=email, language=language, **values
    )
    subscriber.topics.set(topics)
    return subscriber


def mailing_make(
    network, *, subject="Infobrief Dezember", intro="Liebe Leserinnen und Leser,", **values
) -> Mailing:
    """A draft with a version in the network's language (and `versions={lang: subject}`)."""
    extra = values.pop("versions", {})
    mailing = Mailing.objects.create(network=network, **values)
    MailingVersion.objects.create(
        network=network,
        mailing=mailing,
        language=network.default_language,
        subject=subject,
        intro=intro,
    )
    for language, other_subject in extra.items():
        MailingVersion.objects.create(
            network=network, mailing=mailing, language=language, subject=other_subject
        )
    return mailing


def delivery_make(mailing, subscriber, **values) -> Delivery:
    return Delivery.objects.create(
        network_id=mailing.network_id,
        mailing=mailing,
        subscriber=subscriber,
        email=subscriber.email,
        language=subscriber.language,
        **values,
    )

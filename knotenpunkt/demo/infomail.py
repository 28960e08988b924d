"""The demo's info mail: about 300 subscribers in seven languages with their consent log,
three issues sent in the past months (with their deliveries) and a draft for the next one."""

import datetime

from django.contrib.auth import get_user_model

from knotenpunkt.infomail import compose
from knotenpunkt.infomail.models import (
    Bounce,
    ConsentEvent,
    Delivery,
    Mailing,
    MailingVersion,
    Subscriber,
    Topic,
)

from .builder import NamePool, ascii_slug
from .infomail_data import (
    ISSUES,
    LANGUAGE_WEIGHTS,
    MAIL_DOMAINS,
    STATUS_WEIGHTS,
    SUBSCRIBERS,
    TOPICS,
)
from .rows import Demo

ALL_BLOCKS = [block.value for block in Mailing.Block]


def infomail_add(demo: Demo) -> list[Mailing]:
    """Topics, subscribers and four issues; returns the issues, oldest first."""
    topics = [
        Topic.objects.update_or_create(
            network=demo.network,
            name=name,
            defaults={"translations": names, "position": number},
        )[0]
        for number, (name, names) in enumerate(TOPICS)
    ]
    subscribers = _subscribers(demo, topics)
    return _issues(demo, subscribers)


def _weighted(demo: Demo, weights: dict[str, int]) -> str:
    return demo.rng.choices(list(weights), weights=list(weights.values()))[0]


def _subscribers(demo: Demo, topics: list[Topic]) -> list[Subscriber]:
    taken = set(get_user_model().objects.values_list("full_name", flat=True))
    names = NamePool(demo.rng, taken=taken)
    subscribers, events, chosen_topics, bounces = [], [], [], []
    for number in range(SUBSCRIBERS):
        full_name, _languages = names.take()
        email = f"{ascii_slug(full_name).replace('-', '.')}@{demo.rng.choice(MAIL_DOMAINS)}"
        status = _weighted(demo, STATUS_WEIGHTS)
        requested = demo.days_ago(demo.rng.randint(20, 900), hour=8 + number % 12)
        confirmed = requested + datetime.timedelta(minutes=demo.rng.randint(3, 2 * 24 * 60))
        subscriber = Subscriber(
            network=demo.network,
            email=email,
            language=_weighted(demo, LANGUAGE_WEIGHTS),
            status=status,
            created_at=requested,
            confirmation_sent_at=requested,
            confirmed_at=None if status == "pending" else confirmed,
        )
        if status == "unsubscribed":
            subscriber.left_at = demo.until_now(confirmed + datetime.timedelta(days=90))
        if status == "suspended":
            subscriber.suspended_at = demo.days_ago(demo.rng.randint(3, 40))
        subscribers.append(subscriber)
        chosen_topics.append(demo.rng.sample(topics, demo.rng.randint(1, 4)))
    Subscriber.objects.bulk_create(subscribers)
    links = Subscriber.topics.through
    links.objects.bulk_create(
        links(subscriber_id=subscriber.pk, topic_id=topic.pk)
        for subscriber, chosen in zip(subscribers, chosen_topics, strict=True)
        for topic in chosen
    )
    for subscriber, chosen in zip(subscribers, chosen_topics, strict=True):
        events.extend(_consent_log(demo, subscriber, chosen))
        if subscriber.status == "suspended":
            bounces.append(
                Bounce(
                    network=demo.network,
                    subscriber=subscriber,
                    kind=Bounce.Kind.HARD,
                    received_at=subscriber.suspended_at,
                    detail="550 5.1.1 The email account that you tried to reach does not exist",
                )
            )
    ConsentEvent.objects.bulk_create(events)
    Bounce.objects.bulk_create(bounces)
    return subscribers


def _consent_log(demo: Demo, subscriber: Subscriber, topics: list[Topic]) -> list[ConsentEvent]:
    """The steps a real subscriber would have taken, as the sign-up pages record them."""
    wording = "Ich möchte den Infobrief des Netzwerks erhalten und kann mich jederzeit abmelden."

    def step(action, method, at, **proof):
        return ConsentEvent(
            network=demo.network,
            subscriber=subscriber,
            action=action,
            method=method,
            at=at,
            email=subscriber.email,
            language=subscriber.language,
            topics=sorted(topic.name for topic in topics),
            proof=proof,
        )

    log = [step("requested", "form", subscriber.created_at, wording=wording)]
    if subscriber.confirmed_at:
        log.append(step("confirmed", "link", subscriber.confirmed_at, link_sent=True))
    if subscriber.left_at:
        log.append(step("left", "one_click", subscriber.left_at))
    if subscriber.suspended_at:
        log.append(step("suspended", "bounce", subscriber.suspended_at, bounce="hard"))
    return log


def _issues(demo: Demo, subscribers: list[Subscriber]) -> list[Mailing]:
    """Three issues sent on the first Tuesday of each of the past three months, and a draft."""
    mailings = []
    coordinator = demo.authors.get("coordinator")
    for months_back, texts in zip((3, 2, 1, None), ISSUES, strict=True):
        mailing = Mailing(network=demo.network, blocks=ALL_BLOCKS, created_by=coordinator)
        if months_back is None:
            mailing.created_at = demo.days_ago(2)
        else:
            sent_at = demo.until_now(demo.at(_first_tuesday(demo.today, months_back), 9))
            mailing.status = Mailing.Status.SENT
            mailing.created_at = sent_at - datetime.timedelta(days=5)
            mailing.sending_started_at = sent_at
            mailing.sent_at = sent_at + datetime.timedelta(minutes=4)
        mailing.save()
        MailingVersion.objects.bulk_create(
            MailingVersion(
                network=demo.network,
                mailing=mailing,
                language=language,
                subject=subject,
                intro=intro,
            )
            for language, (subject, intro) in texts.items()
        )
        if mailing.status == Mailing.Status.SENT:
            _freeze(demo, mailing)
            _deliveries(demo, mailing, subscribers, last=months_back == 1)
        mailings.append(mailing)
    return mailings


def _freeze(demo: Demo, mailing: Mailing) -> None:
    """Keep each version as it went out on its day, as sending does, so the archive shows it."""
    day = mailing.sending_started_at.astimezone(demo.network.tz).date()
    versions = list(mailing.versions.all())
    for version in versions:
        rendered = compose.mailing_render(version, today=day)
        version.sent_text, version.sent_html = rendered.text, rendered.html
    MailingVersion.objects.bulk_update(versions, ["sent_text", "sent_html"])


def _deliveries(demo: Demo, mailing: Mailing, subscribers: list[Subscriber], *, last: bool):
    """One delivery per subscriber confirmed before the issue went out and not gone since."""
    deliveries = []
    for subscriber in subscribers:
        confirmed, sent = subscriber.confirmed_at, mailing.sending_started_at
        if confirmed is None or confirmed > sent:
            continue
        if subscriber.left_at and subscriber.left_at < sent:
            continue
        if subscriber.suspended_at and subscriber.suspended_at < sent:
            continue
        failed = last and subscriber.status == "suspended"
        deliveries.append(
            Delivery(
                network=demo.network,
                mailing=mailing,
                subscriber=subscriber,
                email=subscriber.email,
                language=subscriber.language,
                state=Delivery.State.FAILED if failed else Delivery.State.SENT,
                attempts=1,
                message_id=f"<demo-{mailing.pk}-{subscriber.pk}@knotenpunkt.example>",
                last_error="550 5.1.1 user unknown" if failed else "",
                sent_at=None if failed else sent,
            )
        )
    Delivery.objects.bulk_create(deliveries)


def _first_tuesday(today: datetime.date, months_back: int) -> datetime.date:
    month_index = today.year * 12 + today.month - 1 - months_back
    first = datetime.date(month_index // 12, month_index % 12 + 1, 1)
    return first + datetime.timedelta(days=(1 - first.weekday()) % 7)

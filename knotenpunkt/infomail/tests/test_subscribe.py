"""Signing up for the info mail: double opt-in through a real SMTP server, the consent log,
links that expired or name nothing, and a sign-up that reveals nothing."""

import datetime
import re

import pytest
from django.forms.models import model_to_dict
from django.test import TestCase
from django.urls import reverse
from django_scopes import scope

from knotenpunkt.core.formatting import format_local_datetime
from knotenpunkt.core.testing import SmtpSink, refused, translated

from ..models import ConsentEvent, Subscriber
from ..services_subscribers import confirmation_make, subscriber_confirm, subscriber_request
from .factories import subscriber_make, topic_make

pytestmark = pytest.mark.django_db

Action, Method = ConsentEvent.Action, ConsentEvent.Method
LINK = re.compile(r"https?://\S+/mail/confirm/\S+/")


def url(network, name, lang="de", **kwargs):
    return reverse(f"infomail:{name}", kwargs={"lang": lang, "network": network.slug, **kwargs})


def sign_up(client, network, email="leser@example.org", lang="de", **data):
    """The form sent; what waits for the commit runs (the mail is queued for the worker)."""
    data = {"email": email, "language": lang, **data}
    with TestCase.captureOnCommitCallbacks(execute=True):
        return client.post(url(network, "subscribe", lang=lang), data)


def confirmation_link(mailbox, email="leser@example.org") -> str:
    (message,) = mailbox.to(email)
    return LINK.search(SmtpSink.body(message))[0]


def path_of(link: str) -> str:
    return "/" + link.split("://", 1)[1].split("/", 1)[1]


@pytest.fixture
def topic(network):
    return topic_make(network, "Veranstaltungen", translations={"tr": "Etkinlikler"})


def test_sign_up_mails_a_link_in_the_chosen_language_and_following_it_subscribes(
    client, network, topic, mailbox, run_tasks, clock
):
    response = sign_up(client, network, lang="de", language="tr", topics=[topic.pk])
    assert response.status_code == 302
    assert response["Location"] == url(network, "subscribe_sent")
    subscriber = Subscriber.objects.get(email="leser@example.org")
    assert subscriber.status == Subscriber.Status.PENDING
    assert subscriber.language == "tr"
    assert list(subscriber.topics.all()) == [topic]
    assert mailbox.messages == []  # sent by the worker, not in the request
    run_tasks()
    (message,) = mailbox.to("leser@example.org")
    body = SmtpSink.body(message)
    link = confirmation_link(mailbox)
    # In the chosen language: its page, and the validity in its words ("Aralık", not "Dezember").
    assert path_of(link).startswith("/tr/musterstadt/mail/confirm/")
    valid_until = clock.now() + datetime.timedelta(days=7)
    expected = format_local_datetime(valid_until, "long", language="tr", tz=network.tz)
    assert expected in body
    assert network.name in message["Subject"]

    page = client.get(path_of(link))
    assert page.status_code == 200
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.ACTIVE
    assert subscriber.confirmed_at == clock.now()
    assert url(network, "preferences", lang="tr", subscriber_token=subscriber.token) in page.text


def test_the_consent_log_holds_each_step_with_its_proof_and_no_ip_address(
    client, network, topic, mailbox, run_tasks, clock
):
    sign_up(client, network, lang="ar", language="de", topics=[topic.pk])
    run_tasks()
    clock.shift(hours=2)
    client.get(path_of(confirmation_link(mailbox)))

    requested, confirmed = ConsentEvent.objects.filter(subscriber__email="leser@example.org")
    assert (requested.action, requested.method) == (Action.REQUESTED, Method.FORM)
    assert (confirmed.action, confirmed.method) == (Action.CONFIRMED, Method.LINK)
    assert requested.email == confirmed.email == "leser@example.org"
    assert requested.topics == ["Veranstaltungen"]
    assert requested.language == "de"
    assert requested.proof["consent_text"] == translated(
        "I would like to receive the network's info mail at this address. I can leave at any "
        "time with the link in every mail.",
        "ar",
    )
    assert requested.proof["page_language"] == "ar"  # the words as the page showed them
    # Which link, made when, and when the mail went out.
    sent = (clock.now() - datetime.timedelta(hours=2)).isoformat()
    assert confirmed.proof["link"] == "confirmation"
    assert confirmed.proof["last_sent_at"] == sent
    assert confirmed.proof["link_made_at"][:16] == sent[:16]
    assert confirmed.at == clock.now()
    for event in (requested, confirmed):
        assert re.fullmatch(r"[0-9a-f]{32}", event.client)
        assert "127.0.0.1" not in repr(model_to_dict(event))
    assert requested.client == confirmed.client  # the same place, recognisable without the IP


def test_following_the_link_twice_is_harmless(client, network, mailbox, run_tasks):
    sign_up(client, network)
    run_tasks()
    link = path_of(confirmation_link(mailbox))
    assert client.get(link).status_code == 200
    assert client.get(link).status_code == 200
    assert ConsentEvent.objects.filter(action=Action.CONFIRMED).count() == 1


def test_a_link_works_for_seven_days_then_the_page_offers_a_new_sign_up(
    client, network, mailbox, run_tasks, clock
):
    sign_up(client, network)
    run_tasks()
    link = path_of(confirmation_link(mailbox))
    clock.shift(days=7, seconds=1)

    page = client.get(link)
    assert page.status_code == 404
    assert translated("This link has expired", "de") in page.text
    assert url(network, "subscribe") in page.text
    assert Subscriber.objects.get().status == Subscriber.Status.PENDING


def test_a_link_just_under_seven_days_old_still_works(client, network, mailbox, run_tasks, clock):
    sign_up(client, network)
    run_tasks()
    link = path_of(confirmation_link(mailbox))
    clock.shift(days=6, hours=23, minutes=59)
    assert client.get(link).status_code == 200
    assert Subscriber.objects.get().status == Subscriber.Status.ACTIVE


@pytest.mark.parametrize(
    "value",
    ["nonsense", "eyJuIjoxfQ:1wXYZ:abc", "a" * 300, "x.y:z"],
    ids=["word", "forged", "long", "dots"],
)
def test_an_unknown_link_gets_a_helpful_page_not_an_error(client, network, value):
    page = client.get(url(network, "confirm", confirmation=value))
    assert page.status_code == 404
    assert translated("This link does not work", "de") in page.text
    assert url(network, "subscribe") in page.text
    with refused("This confirmation link is not valid.", field="unknown"):
        subscriber_confirm(confirmation=value, network=network)


def test_the_link_of_a_removed_subscriber_names_nothing(client, network):
    subscriber = subscriber_make(network, status=Subscriber.Status.PENDING)
    link = url(network, "confirm", confirmation=confirmation_make(subscriber))
    subscriber.delete()
    subscriber_make(network, status=Subscriber.Status.PENDING)  # the same address again
    assert client.get(link).status_code == 404
    assert Subscriber.objects.get().status == Subscriber.Status.PENDING


def test_who_left_is_not_subscribed_again_by_an_old_link(client, network):
    subscriber = subscriber_make(network, status=Subscriber.Status.UNSUBSCRIBED)
    page = client.get(url(network, "confirm", confirmation=confirmation_make(subscriber)))
    assert page.status_code == 404
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.UNSUBSCRIBED


def test_an_invalid_address_is_refused_at_its_field(client, network, mailbox, run_tasks):
    page = sign_up(client, network, email="leser(at)example.org")
    assert page.status_code == 200
    assert page.context["form"].errors["email"] == [
        translated("Enter a valid email address.", "de")
    ]
    assert 'href="#id_email"' in page.text  # the summary leads to the field
    with refused("Enter a valid email address.", field="email"):
        subscriber_request(network=network, email="leser@", language="de")
    with refused("This field is required.", field="email"):
        subscriber_request(network=network, email="  ", language="de")
    run_tasks()
    assert not Subscriber.objects.exists()
    assert mailbox.messages == []


def test_a_language_or_topic_not_offered_is_refused(network, other_network):
    with scope(network=other_network):
        foreign = topic_make(other_network, "Fremd")
    with refused("Choose one of the languages offered.", field="language"):
        subscriber_request(network=network, email="a@example.org", language="xx")
    with refused("Choose topics from the list.", field="topics"):
        subscriber_request(network=network, email="a@example.org", language="de", topics=[foreign])


def test_signing_up_again_shows_the_same_page_and_mails_at_most_once_an_hour(
    client, network, topic, mailbox, run_tasks, clock
):
    subscriber_make(network, "aktiv@example.org", language="uk", topics=[topic])
    new = sign_up(client, network, email="neu@example.org")
    known = sign_up(client, network, email="aktiv@example.org", language="ar")
    assert (new.status_code, new["Location"]) == (known.status_code, known["Location"])
    run_tasks()
    # The subscribed address learns it is subscribed (with its links), in its own language.
    (reminder,) = mailbox.to("aktiv@example.org")
    subscriber = Subscriber.objects.get(email="aktiv@example.org")
    assert f"/uk/musterstadt/mail/preferences/{subscriber.token}/" in SmtpSink.body(reminder)
    assert "/mail/confirm/" not in SmtpSink.body(reminder)
    # Nobody else changed its choice, and its consent log has no new step.
    assert (subscriber.language, list(subscriber.topics.all())) == ("uk", [topic])
    assert not subscriber.consent_events.exists()

    clock.shift(minutes=59)
    again = [sign_up(client, network, email=e) for e in ("aktiv@example.org", "neu@example.org")]
    assert {page["Location"] for page in again} == {new["Location"]}
    run_tasks()
    assert len(mailbox.to("aktiv@example.org")) == 1
    assert len(mailbox.to("neu@example.org")) == 1

    clock.shift(minutes=2)
    sign_up(client, network, email="aktiv@example.org")
    sign_up(client, network, email="neu@example.org")
    run_tasks()
    assert len(mailbox.to("aktiv@example.org")) == 2
    assert len(mailbox.to("neu@example.org")) == 2


def test_an_address_is_one_subscriber_whatever_its_case(client, network, mailbox, run_tasks):
    subscriber_make(network, "leser@example.org", status=Subscriber.Status.UNSUBSCRIBED)
    sign_up(client, network, email="Leser@Example.org")
    run_tasks()
    subscriber = Subscriber.objects.get()
    assert subscriber.status == Subscriber.Status.PENDING
    assert len(mailbox.to("leser@example.org")) == 1


def test_a_link_of_another_network_does_not_work_here(client, network, other_network):
    with scope(network=other_network):
        foreign = subscriber_make(other_network, status=Subscriber.Status.PENDING)
        confirmation = confirmation_make(foreign)
    assert client.get(url(network, "confirm", confirmation=confirmation)).status_code == 404
    for name in ("preferences", "unsubscribe"):
        link = url(network, name, subscriber_token=foreign.token)
        assert client.get(link).status_code == 404
        assert client.post(link).status_code == 404
    with scope(network=other_network):
        foreign.refresh_from_db()
        assert foreign.status == Subscriber.Status.PENDING
        assert not foreign.consent_events.exists()


def test_the_sign_up_page_offers_the_topics_in_the_readers_language_and_reads_right_to_left(
    client, network, topic
):
    topic_make(network, "Bildung", translations={"ar": "تعليم"})
    page = client.get(url(network, "subscribe", lang="ar"))
    assert page.status_code == 200
    assert '<html lang="ar" dir="rtl">' in page.text
    assert "تعليم" in page.text and "Veranstaltungen" in page.text
    # The language select starts at the page's language.
    assert page.context["form"]["language"].value() == "ar"
    turkish = client.get(url(network, "subscribe", lang="tr"))
    assert "Etkinlikler" in turkish.text


def test_the_sign_up_links_the_privacy_page_and_the_home_page_links_the_sign_up(client, network):
    page = client.get(url(network, "subscribe"))
    assert (
        reverse(
            "publishing:page", kwargs={"lang": "de", "network": network.slug, "slug": "privacy"}
        )
        in page.text
    )
    home = client.get(reverse("core:home", kwargs={"lang": "de", "network": network.slug}))
    assert url(network, "subscribe") in home.text

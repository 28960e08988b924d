"""After signing up: the preference page, leaving with one click (RFC 8058), a member contact's
own subscription, and the coordinator's list of subscribers."""

import pytest
from django.db import connection
from django.forms.models import model_to_dict
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from knotenpunkt.accounts.tests.factories import UserFactory, grant_role
from knotenpunkt.core.errors import PermissionDenied
from knotenpunkt.core.models import AuditEntry
from knotenpunkt.core.testing import refused, translated

from ..models import Bounce, ConsentEvent, Delivery, Subscriber
from ..services_subscribers import (
    subscriber_preferences_change,
    subscriber_subscribe_self,
    subscriber_unsubscribe,
)
from .factories import delivery_make, mailing_make, subscriber_make, topic_make

pytestmark = pytest.mark.django_db

Action, Method, Status = ConsentEvent.Action, ConsentEvent.Method, Subscriber.Status


def url(network, name, lang="de", **kwargs):
    return reverse(f"infomail:{name}", kwargs={"lang": lang, "network": network.slug, **kwargs})


@pytest.fixture
def topics(network):
    return [
        topic_make(network, "Veranstaltungen", translations={"ar": "فعاليات"}),
        topic_make(network, "Bildung", position=1),
    ]


@pytest.fixture
def subscriber(network, topics):
    return subscriber_make(network, language="de", topics=topics[:1])


# The preference page ----------------------------------------------------------------------


def test_the_preference_page_changes_language_and_topics(client, network, topics, subscriber):
    page_url = url(network, "preferences", lang="ar", subscriber_token=subscriber.token)
    page = client.get(page_url)
    assert page.status_code == 200
    assert "فعاليات" in page.text
    assert page.context["form"]["language"].value() == "de"  # the subscriber's, not the page's

    page = client.post(page_url, {"language": "ar", "topics": [topics[1].pk]})
    assert page.status_code == 200
    assert translated("Your choice is saved.", "ar") in page.text
    subscriber.refresh_from_db()
    assert subscriber.language == "ar"
    assert list(subscriber.topics.all()) == [topics[1]]
    (event,) = subscriber.consent_events.all()
    assert (event.action, event.method) == (Action.CHANGED, Method.PREFERENCES)
    assert (event.language, event.topics) == ("ar", ["Bildung"])
    assert "127.0.0.1" not in event.client


def test_saving_the_same_choice_records_nothing(network, topics, subscriber):
    subscriber_preferences_change(subscriber=subscriber, language="de", topics=topics[:1])
    assert not subscriber.consent_events.exists()


def test_the_preference_page_refuses_what_is_not_offered(client, network, subscriber):
    page = client.post(
        url(network, "preferences", subscriber_token=subscriber.token), {"language": "xx"}
    )
    assert page.status_code == 200
    assert page.context["form"].errors["language"]
    subscriber.refresh_from_db()
    assert subscriber.language == "de"


def test_leaving_from_the_preference_page(client, network, subscriber):
    page = client.post(
        url(network, "preferences", subscriber_token=subscriber.token), {"leave": "1"}
    )
    assert page.status_code == 200
    subscriber.refresh_from_db()
    assert subscriber.status == Status.UNSUBSCRIBED
    (event,) = subscriber.consent_events.all()
    assert (event.action, event.method) == (Action.LEFT, Method.PREFERENCES)
    # Afterwards the page says so and offers to sign up again; changes are refused.
    page = client.get(url(network, "preferences", subscriber_token=subscriber.token))
    assert url(network, "subscribe") in page.text
    with refused("This address is not subscribed.", field=None):
        subscriber_preferences_change(subscriber=subscriber, language="de")


# Leaving with one click -------------------------------------------------------------------


def test_the_unsubscribe_link_asks_first_on_get(client, network, subscriber):
    page = client.get(url(network, "unsubscribe", subscriber_token=subscriber.token))
    assert page.status_code == 200
    assert '<form method="post">' in page.text
    subscriber.refresh_from_db()
    assert subscriber.status == Status.ACTIVE


def test_a_mail_clients_one_click_post_leaves_at_once_without_cookie_or_csrf(network, subscriber):
    mail_client = Client(enforce_csrf_checks=True)
    link = url(network, "unsubscribe", subscriber_token=subscriber.token)
    response = mail_client.post(link, "List-Unsubscribe=One-Click", content_type=FORM)
    assert response.status_code == 200
    subscriber.refresh_from_db()
    assert subscriber.status == Status.UNSUBSCRIBED
    assert subscriber.left_at is not None
    (event,) = subscriber.consent_events.all()
    assert (event.action, event.method) == (Action.LEFT, Method.ONE_CLICK)
    assert event.proof == {"link": "unsubscribe", "from_mail_client": True}

    # Twice is harmless: the same page, one step in the log.
    again = mail_client.post(link, "List-Unsubscribe=One-Click", content_type=FORM)
    assert again.status_code == 200
    assert subscriber.consent_events.count() == 1


FORM = "application/x-www-form-urlencoded"


def test_the_button_on_the_unsubscribe_page_leaves_too(network, subscriber):
    browser = Client(enforce_csrf_checks=True)
    response = browser.post(url(network, "unsubscribe", subscriber_token=subscriber.token))
    assert response.status_code == 200
    (event,) = ConsentEvent.objects.filter(subscriber=subscriber)
    assert event.proof["from_mail_client"] is False
    page = browser.get(url(network, "unsubscribe", subscriber_token=subscriber.token))
    assert (
        translated("You have left the info mail already; you will receive no more of it.", "de")
        in page.text
    )


def test_an_unknown_token_gets_a_helpful_page(network):
    mail_client = Client(enforce_csrf_checks=True)
    unsubscribe = url(network, "unsubscribe", subscriber_token="no-such-token")
    preferences = url(network, "preferences", subscriber_token="no-such-token")
    for response in (
        mail_client.post(unsubscribe, "List-Unsubscribe=One-Click", content_type=FORM),
        mail_client.get(unsubscribe),
        mail_client.get(preferences),
    ):
        assert response.status_code == 404
        assert translated("This link does not work", "de") in response.text
        assert url(network, "subscribe") in response.text


def test_leaving_by_mail_is_recorded_with_its_method(network, subscriber):
    subscriber_unsubscribe(subscriber=subscriber, method=Method.MAIL)
    subscriber_unsubscribe(subscriber=subscriber, method=Method.MAIL)
    (event,) = subscriber.consent_events.all()
    assert (event.action, event.method, event.client) == (Action.LEFT, Method.MAIL, "")
    with pytest.raises(ValueError):
        subscriber_unsubscribe(subscriber=subscriber, method=Method.COORDINATOR)


# A member contact's own subscription ------------------------------------------------------


@pytest.fixture
def member_contact(network):
    user = UserFactory(email="Kontakt@Verein.example", preferred_language="tr")
    grant_role(user, network, "member_contact")
    return user


def test_a_member_contact_subscribes_their_own_address(client, network, topics, member_contact):
    client.force_login(member_contact)
    me = url(network, "subscribe_self")
    page = client.get(me)
    assert page.status_code == 200
    assert page.context["form"]["language"].value() == "tr"

    response = client.post(me, {"language": "tr", "topics": [topics[1].pk]})
    assert response.status_code == 302
    subscriber = Subscriber.objects.get()
    assert (subscriber.email, subscriber.user) == (member_contact.email, member_contact)
    assert subscriber.status == Status.ACTIVE
    requested, confirmed = subscriber.consent_events.all()
    assert [(e.action, e.method) for e in (requested, confirmed)] == [
        (Action.REQUESTED, Method.ACCOUNT),
        (Action.CONFIRMED, Method.ACCOUNT),
    ]
    assert requested.proof["account"] == member_contact.pk

    # Changing and leaving from the same page.
    client.post(me, {"language": "de"})
    subscriber.refresh_from_db()
    assert subscriber.language == "de"
    assert subscriber.consent_events.last().action == Action.CHANGED
    client.post(me, {"leave": "1"})
    subscriber.refresh_from_db()
    assert subscriber.status == Status.UNSUBSCRIBED
    assert (subscriber.consent_events.last().action, subscriber.consent_events.last().method) == (
        Action.LEFT,
        Method.ACCOUNT,
    )


def test_nobody_subscribes_someone_else(network, member_contact, coordinator):
    with pytest.raises(PermissionDenied):
        subscriber_subscribe_self(
            network=network, user=member_contact, language="de", actor=coordinator
        )
    with pytest.raises(PermissionDenied):
        subscriber_subscribe_self(network=network, user=member_contact, language="de", actor=None)
    assert not Subscriber.objects.exists()


def test_the_workspace_links_ones_own_subscription(client, network, member_contact):
    client.force_login(member_contact)
    workspace = client.get(
        reverse("members:workspace", kwargs={"lang": "de", "network": "musterstadt"})
    )
    assert url(network, "subscribe_self") in workspace.text
    assert f'href="{url(network, "subscribers")}"' not in workspace.text


# The coordinator's list -------------------------------------------------------------------


def _subscribers(network, topics, count, start=0):
    statuses = [Status.ACTIVE, Status.PENDING, Status.UNSUBSCRIBED, Status.SUSPENDED]
    for number in range(start, start + count):
        subscriber_make(
            network,
            f"leser{number}@example.org",
            language=["de", "ar"][number % 2],
            status=statuses[number % 4],
            topics=topics,
        )


def test_the_list_counts_by_status_and_language_and_filters(coordinator_client, network, topics):
    _subscribers(network, topics, 8)
    page = coordinator_client.get(url(network, "subscribers"))
    assert page.status_code == 200
    counts = page.context["counts"]
    assert [(value, count) for value, _label, count in counts["statuses"]] == [
        ("pending", 2),
        ("active", 2),
        ("unsubscribed", 2),
        ("suspended", 2),
    ]
    assert counts["total"] == 8
    assert sorted(count for _name, count in counts["languages"]) == [2]  # leser0, leser4: de
    active = coordinator_client.get(url(network, "subscribers") + "?status=active")
    assert [s.email for s in active.context["page"]] == ["leser0@example.org", "leser4@example.org"]
    # Anything else is the whole list, not an error.
    other = coordinator_client.get(url(network, "subscribers") + "?status=%00x")
    assert other.status_code == 200 and other.context["page"].paginator.count == 8


def test_the_list_makes_as_many_queries_for_25_subscribers_as_for_3(
    coordinator_client, network, topics, django_assert_max_num_queries
):
    page = url(network, "subscribers")
    _subscribers(network, topics, 3)
    coordinator_client.get(page)  # steady state: the per-process memo is filled
    with CaptureQueriesContext(connection) as few:
        coordinator_client.get(page)
    _subscribers(network, topics, 22, start=3)
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = coordinator_client.get(page)
    assert response.text.count('<th scope="row"><bdi>') == 25


def test_the_coordinator_erases_an_address_on_request(coordinator_client, network, subscriber):
    mailing = mailing_make(network)
    delivery = delivery_make(mailing, subscriber, state=Delivery.State.SENT)
    Bounce.objects.create(network=network, subscriber=subscriber, kind=Bounce.Kind.SOFT)
    subscriber_unsubscribe(subscriber=subscriber, method=Method.MAIL)
    remove = url(network, "subscriber_remove", subscriber_id=subscriber.pk)
    assert remove in coordinator_client.get(url(network, "subscribers")).text
    assert coordinator_client.get(remove).status_code == 200
    assert Subscriber.objects.filter(pk=subscriber.pk).exists()  # asked first

    response = coordinator_client.post(remove)
    assert response.status_code == 302
    assert not Subscriber.objects.exists()
    assert not ConsentEvent.objects.exists()
    assert not Bounce.objects.exists()
    delivery.refresh_from_db()
    assert (delivery.subscriber, delivery.email) == (None, "")
    entry = AuditEntry.objects.get(action="subscriber.remove")
    assert "leser@example.org" not in repr(model_to_dict(entry))


def test_only_the_coordinator_erases(client, network, subscriber, member_contact):
    client.force_login(member_contact)
    response = client.post(url(network, "subscriber_remove", subscriber_id=subscriber.pk))
    assert response.status_code == 403
    assert Subscriber.objects.filter(pk=subscriber.pk).exists()

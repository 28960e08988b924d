"""The coordinator's bounce page: suspended addresses, recent bounces, reactivating one."""

import pytest
from django_scopes import scope

from knotenpunkt.core.models import AuditEntry
from knotenpunkt.core.testing import translated
from knotenpunkt.core.urls_helpers import network_reverse

from ..models import ConsentEvent, Subscriber
from ..services_bounces import bounce_record
from .factories import delivery_make, mailing_make, subscriber_make


def _url(network, name="infomail:bounces", **kwargs):
    return network_reverse(network, name, **kwargs)


@pytest.fixture
def suspended(network, clock):
    clock.move_to("2026-11-03T09:14")
    subscriber = subscriber_make(network, "k.mueller@stadtwerke-example.de")
    delivery_make(mailing_make(network), subscriber, token="4f1c9a7e2b6d80c3a5e1")
    bounce_record(
        kind="hard",
        delivery_token="4f1c9a7e2b6d80c3a5e1",
        detail="550 5.1.1 Recipient address rejected: User unknown",
    )
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.SUSPENDED
    return subscriber


def test_the_page_lists_suspended_subscribers_and_recent_bounces(
    coordinator_client, network, suspended, clock, django_assert_max_num_queries
):
    soft = subscriber_make(network, "a.nowak@nachbarschaft-example.de")
    bounce_record(kind="soft", address=soft.email, detail="452 4.2.2 Mailbox full")
    with django_assert_max_num_queries(12):
        response = coordinator_client.get(_url(network))
    assert response.status_code == 200
    page = response.content.decode()
    language = response.headers["Content-Language"]
    recent, suspended_heading = (
        translated("Recent returned mails", language),
        translated("Suspended subscribers", language),
    )
    suspended_part, recent_part = page.split(recent, 1)[0], page
    assert "k.mueller@stadtwerke-example.de" in suspended_part
    assert "a.nowak@nachbarschaft-example.de" not in suspended_part.split(suspended_heading)[1]
    assert "452 4.2.2 Mailbox full" in recent_part
    assert "550 5.1.1 Recipient address rejected" in page
    assert _url(network, "infomail:subscriber_reactivate", subscriber_id=suspended.pk) in page


def test_suspended_subscribers_come_in_pages(coordinator_client, network, clock):
    for number in range(30):
        subscriber_make(
            network, f"dead{number:02}@example.org", status="suspended", suspended_at=clock.now()
        )
        clock.shift(minutes=1)
    first = coordinator_client.get(_url(network)).content.decode()
    second = coordinator_client.get(_url(network), {"page": 2}).content.decode()
    assert first.count("/reactivate/") == 25 and second.count("/reactivate/") == 5
    assert "dead29@example.org" in first and "dead00@example.org" in second


def test_the_page_in_arabic(coordinator_client, network, suspended):
    response = coordinator_client.get(network_reverse(network, "infomail:bounces", lang="ar"))
    assert response.status_code == 200
    assert 'dir="rtl"' in response.content.decode()


def test_reactivating_brings_the_subscriber_back_with_a_consent_step(
    coordinator_client, coordinator, network, suspended
):
    url = _url(network, "infomail:subscriber_reactivate", subscriber_id=suspended.pk)
    response = coordinator_client.post(url, follow=True)
    assert response.redirect_chain[-1][0] == _url(network)
    language = response.headers["Content-Language"]
    assert (
        translated("%(email)s gets the info mail again.", language, email=suspended.email)
        in response.content.decode()
    )
    suspended.refresh_from_db()
    assert suspended.status == Subscriber.Status.ACTIVE and suspended.suspended_at is None
    actions = list(suspended.consent_events.values_list("action", "method"))
    assert actions == [
        (ConsentEvent.Action.SUSPENDED, ConsentEvent.Method.BOUNCE),
        (ConsentEvent.Action.REACTIVATED, ConsentEvent.Method.COORDINATOR),
    ]
    assert suspended.consent_events.last().proof == {"coordinator": coordinator.pk}
    entry = AuditEntry.objects.get(action="subscriber.reactivate")
    assert entry.actor == coordinator


def test_reactivating_an_active_subscriber_is_refused_with_a_message(coordinator_client, network):
    subscriber = subscriber_make(network, "leser@example.org")
    url = _url(network, "infomail:subscriber_reactivate", subscriber_id=subscriber.pk)
    response = coordinator_client.post(url, follow=True)
    language = response.headers["Content-Language"]
    assert (
        translated("Only a suspended subscriber can be reactivated.", language)
        in response.content.decode()
    )
    assert not subscriber.consent_events.exists()


def test_reactivating_needs_a_post(coordinator_client, network, suspended):
    url = _url(network, "infomail:subscriber_reactivate", subscriber_id=suspended.pk)
    assert coordinator_client.get(url).status_code == 405


def test_another_networks_subscriber_is_not_found(coordinator_client, network, other_network):
    with scope(network=other_network):
        stranger = subscriber_make(other_network, "stranger@example.org", status="suspended")
    url = _url(network, "infomail:subscriber_reactivate", subscriber_id=stranger.pk)
    assert coordinator_client.post(url).status_code == 404
    with scope(network=other_network):
        stranger.refresh_from_db()
        assert stranger.status == Subscriber.Status.SUSPENDED


def test_a_member_contact_may_not_see_the_page(client, network):
    from knotenpunkt.accounts.tests.factories import UserFactory, grant_role

    user = UserFactory()
    grant_role(user, network, "member_contact")
    client.force_login(user)
    assert client.get(_url(network)).status_code == 403

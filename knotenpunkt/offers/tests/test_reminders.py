"""Freshness reminders: once per period, to the organisation's current contacts, in their
language, with a one-click link that confirms the offer once."""

import datetime
import re

import pytest

from knotenpunkt.core.models import AuditEntry
from knotenpunkt.core.testing import translated
from knotenpunkt.members.tests.factories import ContactPositionFactory, PersonFactory
from knotenpunkt.offers import tasks
from knotenpunkt.offers.confirm_links import confirm_token_make
from knotenpunkt.offers.reminders import send_offer_reminders

from .factories import service_make

pytestmark = pytest.mark.django_db

LINK = re.compile(r"http\S+/offers/confirm/\S+/")


@pytest.fixture
def stale(network, member_contact, clock):
    """An offer of the member contact's organisation, last confirmed 200 days ago."""
    clock.move_to("2026-06-01T10:00")
    return service_make(
        network,
        organization=member_contact.own_organisation,
        name="Deutschkurs A2",
        assured_date=clock.today() - datetime.timedelta(days=200),
    )


def _remind(run_tasks, capture):
    tasks.offer_reminders_send.enqueue()
    with capture(execute=True):
        run_tasks()
    run_tasks()  # the mails, queued on commit


def test_the_owners_are_reminded_once_in_their_language(
    network,
    member_contact,
    stale,
    competitor,
    mailbox,
    run_tasks,
    clock,
    django_capture_on_commit_callbacks,
):
    service_make(network, organization=member_contact.own_organisation, name="Frisch")
    former = PersonFactory(network=network, email="former@example.org")
    ContactPositionFactory(
        organisation=member_contact.own_organisation,
        person=former,
        ended_on=clock.today() - datetime.timedelta(days=3),
    )
    _remind(run_tasks, django_capture_on_commit_callbacks)
    _remind(run_tasks, django_capture_on_commit_callbacks)
    [message] = mailbox.messages
    assert message["X-Envelope-To"] == member_contact.email
    # Their account's language (Turkish), which the network offers.
    assert str(message["Subject"]).strip() == translated(
        "Is the offer of %(organisation)s still correct?",
        "tr",
        organisation="\u2068Sprachschule Nord\u2069",
    )
    body = mailbox.body(message)
    assert "Deutschkurs A2" in body and "Frisch" not in body
    assert "/tr/musterstadt/offers/confirm/" in body
    stale.refresh_from_db()
    assert stale.reminded_at is not None
    assert AuditEntry.objects.filter(action="offer.remind").count() == 1


def test_after_a_confirmation_the_next_reminder_comes_after_the_next_period(
    network, member_contact, stale, clock, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False):
        assert send_offer_reminders() == 1
        stale.refresh_from_db()
        from knotenpunkt.offers.services import service_confirm

        service_confirm(service=stale, actor=member_contact)
        assert send_offer_reminders() == 0
        clock.shift(days=181)
        assert send_offer_reminders() == 1


def test_the_link_shows_a_button_and_the_post_confirms_once(
    network, client, stale, mailbox, run_tasks, clock, django_capture_on_commit_callbacks
):
    _remind(run_tasks, django_capture_on_commit_callbacks)
    [link] = LINK.findall(mailbox.body(mailbox.messages[0]))
    path = link.split("://", 1)[1].split("/", 1)[1]
    page = client.get(f"/{path}")
    assert page.status_code == 200
    assert "Deutschkurs A2" in page.text and "Sprachschule Nord" in page.text
    stale.refresh_from_db()
    assert stale.reminded_at is not None  # looking is no confirmation (link scanners look too)
    done = client.post(f"/{path}")
    assert done.status_code == 200
    stale.refresh_from_db()
    assert stale.assured_date == clock.today() and stale.reminded_at is None
    [entry] = AuditEntry.objects.filter(action="offer.confirm")
    assert entry.actor is None
    # Used: the link names a confirmation day the offer no longer has.
    assert client.get(f"/{path}").status_code == 404
    assert client.post(f"/{path}").status_code == 404


def test_an_expired_link_is_a_plain_404(network, client, stale, clock):
    token = confirm_token_make(stale)
    clock.shift(days=61)
    response = client.get(f"/en/{network.slug}/offers/confirm/{token}/")
    assert response.status_code == 404 and "Deutschkurs" not in response.text


@pytest.mark.parametrize(
    "token", ["nonsense", "a" * 300, "eyJuIjoxfQ:1tZ:forged", "%00", "x" * 301]
)
def test_a_garbage_link_is_a_plain_404(network, client, token):
    assert client.get(f"/en/{network.slug}/offers/confirm/{token}/").status_code == 404


@pytest.mark.cross_network("a link of one network is no link in another")
def test_another_networks_link_is_a_404(network, other_network, client, clock):
    from django_scopes import scope

    with scope(network=network):
        token = confirm_token_make(service_make(network))
    assert client.get(f"/en/{other_network.slug}/offers/confirm/{token}/").status_code == 404
    assert client.get(f"/en/{network.slug}/offers/confirm/{token}/").status_code == 200

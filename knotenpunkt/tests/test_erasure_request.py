"""A person asks for erasure from their account page; each network's coordination carries it out."""

import pytest
from django.urls import reverse
from django.utils import translation
from django_scopes import scope

from knotenpunkt.accounts.models import ErasureRequest
from knotenpunkt.accounts.tests.factories import UserFactory, grant_role
from knotenpunkt.core.models import AuditEntry
from knotenpunkt.core.policy import roles_of
from knotenpunkt.core.testing import translated
from knotenpunkt.members.models import Person
from knotenpunkt.members.tests.factories import ContactPositionFactory, PersonFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _english():
    with translation.override("en"):
        yield


@pytest.fixture
def other_coordinator(other_network):
    user = UserFactory(email="koordination@beispielhausen.example", preferred_language="en")
    grant_role(user, other_network, "coordinator")
    return user


@pytest.fixture
def mira(network, other_network):
    """A member contact in Musterstadt with a contact person there, and a city liaison elsewhere."""
    user = UserFactory(email="mira@example.org", full_name="Mira Haddad", preferred_language="en")
    grant_role(user, network, "member_contact")
    grant_role(user, other_network, "city_liaison")
    person = PersonFactory(network=network, user=user, full_name="Mira Haddad", email=user.email)
    ContactPositionFactory(organisation__network=network, person=person)
    return user


def page(network, name, **kwargs):
    return reverse(f"members:{name}", kwargs={"lang": "en", "network": network.slug, **kwargs})


def test_the_request_reaches_the_coordination_of_every_network_of_the_person(
    client,
    network,
    other_network,
    coordinator,
    other_coordinator,
    mira,
    mailbox,
    run_tasks,
    django_capture_on_commit_callbacks,
):
    client.force_login(mira)
    home = client.get("/accounts/", HTTP_ACCEPT_LANGUAGE="en").text
    assert 'href="/accounts/erasure/"' in home
    confirm = client.get("/accounts/erasure/", HTTP_ACCEPT_LANGUAGE="en").text
    assert "Netzwerk Musterstadt" in confirm and "Netzwerk Beispielhausen" in confirm

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/accounts/erasure/")
        client.post("/accounts/erasure/")  # asking twice sends nothing more
    run_tasks()

    assert response.status_code == 302 and response["Location"] == "/accounts/"
    with scope(network=network):
        assert ErasureRequest.objects.filter(user=mira, done_at=None).count() == 1
    with scope(network=other_network):
        assert ErasureRequest.objects.filter(user=mira, done_at=None).count() == 1
    for address, net in [
        ("coordinator@example.org", network),
        ("koordination@beispielhausen.example", other_network),
    ]:
        [mail] = mailbox.to(address)
        assert "Mira Haddad" in mailbox.body(mail)
        # The link to the list, in the coordinator's language (German for the first one).
        assert f"/{net.slug}/manage/members/people/erasure-requests/" in mailbox.body(mail)
    assert not mailbox.to("mira@example.org")
    home = client.get("/accounts/", HTTP_ACCEPT_LANGUAGE="en").text
    assert "You asked for the erasure of your data" in home


def test_the_coordination_carries_it_out_network_by_network(
    client,
    network,
    other_network,
    coordinator,
    other_coordinator,
    mira,
    mailbox,
    run_tasks,
    django_capture_on_commit_callbacks,
):
    client.force_login(mira)
    client.post("/accounts/erasure/")
    run_tasks()
    person = Person.objects.get(user=mira)
    client.force_login(coordinator)
    people = client.get(page(network, "person_list")).text
    assert "1 person asks for the erasure of their data." in people
    listing = client.get(page(network, "erasure_requests")).text
    assert "Mira Haddad" in listing and "mira@example.org" in listing
    with scope(network=network):
        erasure_request = ErasureRequest.objects.get(user=mira)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            page(network, "erasure_request_carry_out", request_id=erasure_request.pk)
        )
    run_tasks()

    assert response["Location"] == page(network, "person_detail", person_id=person.pk)
    person.refresh_from_db()
    mira.refresh_from_db()
    assert person.is_erased and person.full_name == ""
    assert roles_of(mira, network) == frozenset()
    # Beispielhausen has not carried out its request yet: the account stays there.
    assert mira.is_active and roles_of(mira, other_network) == {"city_liaison"}
    [done] = mailbox.to("mira@example.org")
    assert "Netzwerk Musterstadt" in done["Subject"]
    assert "There are no open requests." in client.get(page(network, "erasure_requests")).text
    with scope(network=network):
        trail = " ".join(
            f"{entry.actor_label} {entry.target_label} {entry.summary}"
            for entry in AuditEntry.objects.all()
        )
    assert "Mira" not in trail and "mira@" not in trail

    client.force_login(other_coordinator)
    with scope(network=other_network):
        other_request = ErasureRequest.objects.get(user=mira, done_at=None)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            page(other_network, "erasure_request_carry_out", request_id=other_request.pk)
        )
    run_tasks()

    assert response["Location"] == page(other_network, "erasure_requests")
    mira.refresh_from_db()
    assert not mira.is_active and mira.erased_at is not None
    assert len(mailbox.to("mira@example.org")) == 2  # told before the address went


def test_a_request_is_carried_out_only_by_its_own_networks_coordination(
    client, network, other_network, mira, other_coordinator, city_liaison
):
    client.force_login(mira)
    client.post("/accounts/erasure/")
    with scope(network=network):
        erasure_request = ErasureRequest.objects.get(user=mira)
    carry_out = page(network, "erasure_request_carry_out", request_id=erasure_request.pk)
    other_carry_out = page(
        other_network, "erasure_request_carry_out", request_id=erasure_request.pk
    )

    client.force_login(city_liaison)
    assert client.post(carry_out).status_code == 403
    assert client.get(page(network, "erasure_requests")).status_code == 403
    client.force_login(other_coordinator)
    assert client.post(carry_out).status_code == 403
    assert client.post(other_carry_out).status_code == 404
    erasure_request.refresh_from_db()
    assert erasure_request.done_at is None
    assert Person.objects.get(user=mira).erased_at is None


def test_an_account_without_any_network_is_closed_at_once(client):
    user = UserFactory(email="solo@example.org")
    client.force_login(user)
    confirm = client.get("/accounts/erasure/", HTTP_ACCEPT_LANGUAGE="en").text
    assert "No network holds data about you besides your account." in confirm

    response = client.post("/accounts/erasure/", HTTP_ACCEPT_LANGUAGE="en")

    assert response["Location"] == "/"
    assert "Your account was closed and its data erased." in client.get("/").text
    user.refresh_from_db()
    assert not user.is_active and user.email != "solo@example.org"
    assert client.get("/accounts/").status_code == 302


def test_the_last_coordinator_learns_why_the_request_cannot_be_carried_out(
    client, network, coordinator
):
    PersonFactory(network=network, user=coordinator)
    client.force_login(coordinator)
    client.post("/accounts/erasure/")
    with scope(network=network):
        erasure_request = ErasureRequest.objects.get(user=coordinator)

    response = client.post(
        page(network, "erasure_request_carry_out", request_id=erasure_request.pk)
    )

    assert response.status_code == 409
    message = "A network needs at least one coordinator. Give the role to someone else first."
    assert translated(message, "en") in response.text
    erasure_request.refresh_from_db()
    assert erasure_request.done_at is None


def test_without_contact_data_the_roles_end_and_the_trail_forgets_the_name(
    client, network, other_network, coordinator, city_liaison
):
    city_liaison.full_name = "Jonas Weber"
    city_liaison.save()
    grant_role(city_liaison, other_network, "member_contact")
    client.force_login(city_liaison)
    client.post("/accounts/erasure/")
    with scope(network=network):
        erasure_request = ErasureRequest.objects.get(user=city_liaison)
    client.force_login(coordinator)

    response = client.post(
        page(network, "erasure_request_carry_out", request_id=erasure_request.pk)
    )

    assert response["Location"] == page(network, "erasure_requests")
    city_liaison.refresh_from_db()
    assert roles_of(city_liaison, network) == frozenset()
    assert city_liaison.is_active and roles_of(city_liaison, other_network) == {"member_contact"}
    with scope(network=network):
        trail = " ".join(
            f"{entry.actor_label} {entry.target_label} {entry.summary}"
            for entry in AuditEntry.objects.all()
        )
    assert "Jonas" not in trail and "city@example.org" not in trail

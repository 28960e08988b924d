"""A handover can end the outgoing contact's access to the workspace (the coordinator decides)."""

import datetime
import re

import pytest

from knotenpunkt.accounts.models import NetworkRole
from knotenpunkt.accounts.tests.factories import UserFactory, grant_role

from .factories import ContactPositionFactory, OrganisationFactory, PersonFactory
from .helpers import url

pytestmark = pytest.mark.django_db

D = datetime.date


@pytest.fixture
def outgoing(network):
    """Peter speaks for one organisation and logs in as its member contact."""
    user = UserFactory(email="peter@example.org")
    grant_role(user, network, "member_contact")
    person = PersonFactory(network=network, full_name="Peter Alt", user=user)
    position = ContactPositionFactory(
        organisation=OrganisationFactory(network=network, name="Nachbarschaftshilfe"),
        person=person,
        started_on=D(2018, 1, 1),
    )
    return position


def _end_access_box(form: str) -> str:
    """The checkbox's tag, or "" when the form does not offer it."""
    found = re.search(r'<input[^>]*name="end_access"[^>]*>', form)
    return found[0] if found else ""


def _hand_over(client, network, position, **extra):
    data = {"full_name": "Amira Neu", "email": "amira@example.org", "on": "2024-10-01", **extra}
    return client.post(url(network, "contact_handover", position_id=position.pk), data)


def _roles(network, position) -> set[str]:
    user = position.person.user
    return set(
        NetworkRole.objects.filter(network=network, user=user).values_list("role", flat=True)
    )


def test_the_form_suggests_ending_the_access_of_someone_who_speaks_for_nobody_else(
    coordinator_client, network, outgoing
):
    form = coordinator_client.get(url(network, "contact_handover", position_id=outgoing.pk)).text
    assert "checked" in _end_access_box(form)


def test_ending_access_takes_the_member_contact_role_and_says_so(
    coordinator_client, network, outgoing, client
):
    response = _hand_over(coordinator_client, network, outgoing, end_access="on")

    assert response.status_code == 302
    assert _roles(network, outgoing) == set()
    page = coordinator_client.get(response["Location"]).text
    assert "Peter Alt no longer has access to the workspace." in page
    client.force_login(outgoing.person.user)
    assert client.get(url(network, "workspace")).status_code == 403


def test_without_the_tick_access_stays(coordinator_client, network, outgoing):
    _hand_over(coordinator_client, network, outgoing)
    assert _roles(network, outgoing) == {"member_contact"}


def test_who_still_speaks_for_another_organisation_keeps_access(
    coordinator_client, network, outgoing
):
    ContactPositionFactory(
        organisation=OrganisationFactory(network=network, name="Chor der Nationen"),
        person=outgoing.person,
        started_on=D(2020, 1, 1),
    )
    form = coordinator_client.get(url(network, "contact_handover", position_id=outgoing.pk)).text
    box = _end_access_box(form)
    assert box and "checked" not in box

    response = _hand_over(coordinator_client, network, outgoing, end_access="on")

    assert _roles(network, outgoing) == {"member_contact"}
    page = coordinator_client.get(response["Location"]).text
    assert "no longer has access" not in page


def test_other_roles_of_the_outgoing_contact_stay(coordinator_client, network, outgoing):
    grant_role(outgoing.person.user, network, "city_liaison")
    _hand_over(coordinator_client, network, outgoing, end_access="on")
    assert _roles(network, outgoing) == {"city_liaison"}


def test_the_choice_is_not_offered_for_someone_without_an_account(coordinator_client, network):
    position = ContactPositionFactory(organisation=OrganisationFactory(network=network))
    form = coordinator_client.get(url(network, "contact_handover", position_id=position.pk)).text
    assert _end_access_box(form) == ""

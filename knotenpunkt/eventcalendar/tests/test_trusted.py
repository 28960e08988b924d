"""The coordinator marks an organisation as trusted; its events then skip moderation."""

import pytest

from knotenpunkt.eventcalendar import services
from knotenpunkt.eventcalendar.models import Event
from knotenpunkt.eventcalendar.tests.factories import member_contact_for
from knotenpunkt.eventcalendar.tests.test_services import data_for
from knotenpunkt.members.tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db


def test_marking_an_organisation_trusted_lets_its_events_publish_directly(
    coordinator_client, network
):
    organisation = OrganisationFactory(network=network, name="Familienzentrum Ost")
    member = member_contact_for(organisation)
    before = services.event_submit(network=network, actor=member, data=data_for(organisation))
    assert before.status == Event.Status.SUBMITTED

    edit_url = f"/en/{network.slug}/manage/members/{organisation.pk}/edit/"
    form = coordinator_client.get(edit_url)
    assert 'name="trusted"' in form.text
    response = coordinator_client.post(
        edit_url,
        {
            "name": organisation.name,
            "kind": organisation.kind.pk,
            "trusted": "on",
            "languages": "de",
        },
    )
    assert response.status_code == 302
    organisation.refresh_from_db()
    assert organisation.trusted

    after = services.event_submit(network=network, actor=member, data=data_for(organisation))
    assert after.status == Event.Status.PUBLISHED


def test_a_member_contact_cannot_make_their_own_organisation_trusted(client, network):
    organisation = OrganisationFactory(network=network)
    member = member_contact_for(organisation)
    client.force_login(member)
    edit_url = f"/en/{network.slug}/workspace/organisation/{organisation.pk}/edit/"
    assert 'name="trusted"' not in client.get(edit_url).text
    client.post(edit_url, {"trusted": "on", "languages": "de"})
    organisation.refresh_from_db()
    assert not organisation.trusted

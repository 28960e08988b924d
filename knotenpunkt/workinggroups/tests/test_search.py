"""Groups are found in the network's search by name and mandate, and follow renames."""

import datetime

import pytest

from knotenpunkt.accounts.tests.factories import UserFactory, grant_role
from knotenpunkt.core import search
from knotenpunkt.workinggroups import services

pytestmark = pytest.mark.django_db


def found(network, user, query):
    page = search.search(network=network, viewer=search.viewer_for(user, network), query=query)
    return [(str(result.kind), result.url) for result in page.results]


def test_a_member_contact_finds_a_group_by_its_mandate_and_its_new_address(
    network, other_network, coordinator
):
    member = UserFactory()
    grant_role(member, network, "member_contact")
    group = services.group_create(
        network=network,
        actor=coordinator,
        name="Interkulturelle Öffnung",
        slug="oeffnung",
        mandate="Die **Straßenverkehrsbehörde** übersetzt <script>x()</script>Formulare.",
        active_from=datetime.date(2024, 1, 1),
    )
    assert found(network, member, "strassenverkehr") == [
        ("Working group", "/en/musterstadt/workspace/groups/oeffnung/")
    ]
    by_name = found(network, member, "interkult Öffnung")
    assert by_name and by_name == found(network, member, "offnung")
    assert found(network, member, "x") == []  # the script is no text of the mandate
    assert found(other_network, member, "strassenverkehr") == []

    services.group_update(group=group, actor=coordinator, slug="oeffnung-verwaltung")
    [(_kind, url)] = found(network, member, "formulare")
    assert url.endswith("/workspace/groups/oeffnung-verwaltung/")

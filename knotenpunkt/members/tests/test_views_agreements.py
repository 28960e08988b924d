"""Cooperation agreement pages: versions, sanitised text, signatures, who has not signed."""

import datetime

import pytest

from knotenpunkt.members.models import AgreementVersion

from .factories import (
    AgreementSignatureFactory,
    AgreementVersionFactory,
    ContactPositionFactory,
    OrganisationFactory,
)
from .helpers import url

pytestmark = pytest.mark.django_db

D = datetime.date


def test_create_a_version_and_read_it(coordinator_client, network):
    response = coordinator_client.post(
        url(network, "agreement_create"),
        {
            "title": "Kooperationsvereinbarung 2025",
            "text": "## Ziele\n\n- **Teilhabe** für alle\n- [Website](https://example.org)",
            "valid_from": "2025-01-01",
        },
    )
    version = AgreementVersion.objects.get()
    assert response.status_code == 302
    assert response["Location"] == url(network, "agreement_detail", agreement_id=version.pk)
    page = coordinator_client.get(response["Location"]).text
    assert "<h2>Ziele</h2>" in page
    assert "<strong>Teilhabe</strong>" in page
    assert 'href="https://example.org"' in page


def test_second_version_on_the_same_day_is_refused(coordinator_client, network):
    AgreementVersionFactory(network=network, valid_from=D(2025, 1, 1))
    response = coordinator_client.post(
        url(network, "agreement_create"),
        {"title": "Doppelt", "text": "Text", "valid_from": "2025-01-01"},
    )
    assert response.status_code == 200
    assert "Another version is valid from this day already." in response.text
    assert AgreementVersion.objects.count() == 1


def test_agreement_text_is_sanitised(coordinator_client, network):
    version = AgreementVersionFactory(
        network=network,
        text=(
            "Hallo <script>alert('x')</script>\n\n"
            '<img src="x" onerror="alert(1)">\n\n'
            "[klick](javascript:alert(2))\n\n"
            '<a href="https://example.org" onclick="alert(3)">ok</a>'
        ),
    )
    page = coordinator_client.get(url(network, "agreement_detail", agreement_id=version.pk)).text
    body = page[page.index('class="agreement-text"') :]
    assert "<script>alert" not in body
    assert "onerror" not in body and "onclick" not in body
    assert "javascript:" not in body
    assert "<img" not in body
    assert 'href="https://example.org"' in body


def test_version_page_lists_its_signatures(coordinator_client, network):
    version = AgreementVersionFactory(network=network)
    AgreementSignatureFactory(
        organisation=OrganisationFactory(network=network, name="Unterzeichner e.V."),
        version=version,
    )
    page = coordinator_client.get(url(network, "agreement_detail", agreement_id=version.pk)).text
    assert "Unterzeichner e.V." in page
    assert "1 organisation has signed this version." in page


def test_list_marks_the_current_version(coordinator_client, network):
    AgreementVersionFactory(network=network, title="Alte Fassung", valid_from=D(2019, 1, 1))
    AgreementVersionFactory(network=network, title="Neue Fassung", valid_from=D(2024, 1, 1))
    page = coordinator_client.get(url(network, "agreement_list")).text
    marker = '<span class="badge badge--info">current</span>'
    assert page.count(marker) == 1
    assert page.index("Neue Fassung") < page.index(marker) < page.index("Alte Fassung")


def test_unsigned_list_names_members_to_chase_with_their_contacts(coordinator_client, network):
    old = AgreementVersionFactory(network=network, valid_from=D(2019, 1, 1))
    current = AgreementVersionFactory(network=network, valid_from=D(2024, 1, 1))
    done = OrganisationFactory(network=network, name="Hat unterschrieben", joined_on=D(2019, 1, 1))
    AgreementSignatureFactory(organisation=done, version=current)
    behind = OrganisationFactory(network=network, name="Nur alte Fassung", joined_on=D(2019, 1, 1))
    AgreementSignatureFactory(organisation=behind, version=old)
    ContactPositionFactory(organisation=behind, person__email="ansprech@example.org")
    OrganisationFactory(network=network, name="Kein Mitglied")

    page = coordinator_client.get(url(network, "agreements_unsigned")).text

    assert "Nur alte Fassung" in page and "ansprech@example.org" in page
    assert "Hat unterschrieben" not in page and "Kein Mitglied" not in page
    sign = url(network, "signature_add", organisation_id=behind.pk)
    assert f"{sign}?version={current.pk}" in page


def test_unsigned_list_without_any_version(coordinator_client, network):
    page = coordinator_client.get(url(network, "agreements_unsigned")).text
    assert "There is no version of the cooperation agreement in force yet." in page


@pytest.mark.parametrize("name", ["agreements_unsigned", "agreement_list", "agreement_detail"])
def test_agreement_pages_query_count_does_not_grow(
    coordinator_client, network, count_queries, django_assert_max_num_queries, name
):
    versions = [
        AgreementVersionFactory(network=network, valid_from=D(2019, 1, 1)),
        AgreementVersionFactory(network=network, valid_from=D(2024, 1, 1)),
    ]
    page = url(
        network, name, **({"agreement_id": versions[0].pk} if name.endswith("detail") else {})
    )

    def members(count):
        for _number in range(count):
            organisation = OrganisationFactory(network=network, joined_on=D(2019, 1, 1))
            signer = ContactPositionFactory(organisation=organisation).person
            AgreementSignatureFactory(
                organisation=organisation, version=versions[0], signed_by=signer
            )

    members(3)
    few = count_queries(coordinator_client, page)
    members(30)
    with django_assert_max_num_queries(few):
        coordinator_client.get(page)


def test_version_of_another_network_is_404(coordinator_client, network, other_network):
    foreign = AgreementVersionFactory(network=other_network)
    response = coordinator_client.get(url(network, "agreement_detail", agreement_id=foreign.pk))
    assert response.status_code == 404


def test_signature_form_offers_only_this_networks_versions(
    coordinator_client, network, other_network
):
    organisation = OrganisationFactory(network=network)
    foreign = AgreementVersionFactory(network=other_network)
    response = coordinator_client.post(
        url(network, "signature_add", organisation_id=organisation.pk),
        {"version": foreign.pk, "signed_on": "2024-01-01"},
    )
    assert response.status_code == 200
    assert "Select a valid choice." in response.text

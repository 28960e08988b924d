"""The coordinator's organisation pages: list, add, edit, join/leave, signatures, timeline."""

import datetime

import pytest

from knotenpunkt.accounts.tests.factories import UserFactory, grant_role
from knotenpunkt.core.formatting import format_local_date
from knotenpunkt.members import services
from knotenpunkt.members.models import AgreementSignature, Membership, Organisation

from .factories import (
    AgreementSignatureFactory,
    AgreementVersionFactory,
    ContactPositionFactory,
    MembershipFactory,
    OrganisationFactory,
    kind_of,
)
from .helpers import url

# How the English list names the dates (core/formatting.py).
SINCE_2018 = f"member since {format_local_date(datetime.date(2018, 4, 1), language='en')}"
SINCE_2019 = f"member since {format_local_date(datetime.date(2019, 5, 2), language='en')}"

pytestmark = pytest.mark.django_db

D = datetime.date


def rows(network, count, version=None):
    """Organisations with everything a list row shows: membership, contacts, signature."""
    for _number in range(count):
        organisation = OrganisationFactory(network=network, joined_on=D(2020, 1, 1))
        ContactPositionFactory(organisation=organisation)
        ContactPositionFactory(organisation=organisation, role="deputy contact")
        if version is not None:
            AgreementSignatureFactory(organisation=organisation, version=version)


# Access ----------------------------------------------------------------------------------

MANAGE_PAGES = [
    ("manage_list", {}),
    ("organisation_create", {}),
    ("person_list", {}),
    ("person_create", {}),
    ("agreement_list", {}),
    ("agreement_create", {}),
    ("agreements_unsigned", {}),
]


@pytest.mark.parametrize("name,kwargs", MANAGE_PAGES)
def test_anonymous_visitors_are_sent_to_log_in(client, network, name, kwargs):
    response = client.get(url(network, name, **kwargs))
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


@pytest.mark.parametrize("name,kwargs", MANAGE_PAGES)
def test_member_contacts_get_403_on_management_pages(client, network, member_contact, name, kwargs):
    client.force_login(member_contact)
    assert client.get(url(network, name, **kwargs)).status_code == 403


@pytest.mark.parametrize(
    "name,status",
    [
        ("manage_list", 200),
        ("person_list", 200),
        ("agreement_list", 200),
        ("agreements_unsigned", 200),
        ("organisation_create", 403),
        ("person_create", 403),
        ("agreement_create", 403),
    ],
)
def test_city_liaison_reads_but_does_not_write(client, network, city_liaison, name, status):
    client.force_login(city_liaison)
    assert client.get(url(network, name)).status_code == status


def test_coordinator_of_another_network_gets_403(client, network, other_network):
    user = UserFactory()
    grant_role(user, other_network, "coordinator")
    client.force_login(user)
    assert client.get(url(network, "manage_list")).status_code == 403


def test_liaison_sees_no_write_buttons_and_no_audit_entries(
    client, network, city_liaison, coordinator
):
    organisation = services.organisation_create(
        network=network,
        actor=coordinator,
        name="Tafel",
        kind=kind_of(network),
        joined_on=D(2020, 1, 1),
    )
    position = ContactPositionFactory(organisation=organisation)
    page = url(network, "organisation_detail", organisation_id=organisation.pk)
    client.force_login(city_liaison)
    response = client.get(page)
    assert response.status_code == 200
    assert "Joined the network" in response.text  # the facts, yes
    assert "Organisation added" not in response.text  # the audit trail, no
    assert coordinator.email not in response.text
    assert url(network, "organisation_edit", organisation_id=organisation.pk) not in response.text
    assert url(network, "contact_handover", position_id=position.pk) not in response.text
    client.force_login(coordinator)
    response = client.get(page)
    assert "Organisation added" in response.text and coordinator.email in response.text
    assert url(network, "contact_handover", position_id=position.pk) in response.text


def test_organisation_page_query_count_does_not_grow_with_its_history(
    coordinator_client, network, count_queries
):
    organisation = OrganisationFactory(network=network, joined_on=D(2015, 1, 1))
    page = url(network, "organisation_detail", organisation_id=organisation.pk)

    def history(count):
        for number in range(count):
            ContactPositionFactory(
                organisation=organisation,
                started_on=D(2016, 1, 1),
                ended_on=D(2017, 1, 1),
                predecessor=organisation.positions.first(),
            )
            version = AgreementVersionFactory(network=network)
            AgreementSignatureFactory(organisation=organisation, version=version)
            services.organisation_update(
                organisation=organisation, actor=None, phone=f"030 {number} {count}"
            )

    history(2)
    few = count_queries(coordinator_client, page)
    history(20)
    assert count_queries(coordinator_client, page) == few


# Member list -----------------------------------------------------------------------------


def test_list_shows_status_contacts_and_signature(coordinator_client, network):
    version = AgreementVersionFactory(network=network, valid_from=D(2024, 1, 1))
    signed = OrganisationFactory(network=network, name="Alpha e.V.", joined_on=D(2018, 4, 1))
    AgreementSignatureFactory(organisation=signed, version=version)
    ContactPositionFactory(organisation=signed, person__full_name="Hatice Demir")
    former = OrganisationFactory(network=network, name="Beta e.V.")
    MembershipFactory(organisation=former, left_on=D(2022, 1, 1))

    response = coordinator_client.get(url(network, "manage_list"))

    assert response.status_code == 200
    text = response.text
    assert "Alpha e.V." in text and "Hatice Demir" in text
    assert SINCE_2018 in text
    assert f"left on {format_local_date(datetime.date(2022, 1, 1), language='en')}" in text
    assert "2 organisations found." in text


def test_each_network_lists_its_own_rows_one_after_the_other(client, network, other_network):
    """The list's row subqueries are built once per network and process (members/selectors)."""
    pages = {}
    for each, name, contact, joined in [
        (network, "Alpha e.V.", "Hatice Demir", D(2018, 4, 1)),
        (other_network, "Omega e.V.", "Olena Koval", D(2019, 5, 2)),
    ]:
        version = AgreementVersionFactory(network=each, valid_from=D(2024, 1, 1))
        organisation = OrganisationFactory(network=each, name=name, joined_on=joined)
        ContactPositionFactory(organisation=organisation, person__full_name=contact)
        AgreementSignatureFactory(organisation=organisation, version=version)
        coordinator = UserFactory(email=f"coordinator@{each.slug}.example")
        grant_role(coordinator, each, "coordinator")
        pages[each.slug] = (coordinator, url(each, "manage_list"))
    for _round in range(2):  # the second round reads the memoised subqueries
        client.force_login(pages["musterstadt"][0])
        text = client.get(pages["musterstadt"][1]).text
        assert "Hatice Demir" in text and SINCE_2018 in text
        assert "Omega" not in text and "Olena" not in text and ">not signed<" not in text
        client.force_login(pages["beispielhausen"][0])
        text = client.get(pages["beispielhausen"][1]).text
        assert "Olena Koval" in text and SINCE_2019 in text
        assert "Alpha" not in text and "Hatice" not in text and ">not signed<" not in text


def test_list_filters_and_sorts_through_the_query_string(coordinator_client, network):
    OrganisationFactory(network=network, name="Alpha", joined_on=D(2020, 1, 1))
    OrganisationFactory(
        network=network, name="Beta", kind=kind_of(network, "company"), joined_on=D(2021, 1, 1)
    )
    OrganisationFactory(network=network, name="Gamma")
    page = url(network, "manage_list")

    response = coordinator_client.get(page, {"status": "member", "kind": "company"})
    assert "Beta" in response.text and "Alpha" not in response.text
    assert "1 organisation found." in response.text

    response = coordinator_client.get(page, {"sort": "-name"})
    text = response.text
    assert text.index("Gamma") < text.index("Beta") < text.index("Alpha")
    assert 'aria-sort="descending"' in text

    # Values nobody offered fall back to the defaults instead of failing.
    response = coordinator_client.get(page, {"sort": "password", "status": "x", "page": "zz"})
    assert response.status_code == 200
    assert "3 organisations found." in response.text


def test_list_paginates_25_rows_per_page(coordinator_client, network):
    for number in range(30):
        OrganisationFactory(network=network, name=f"Verein {number:02d}")
    first = coordinator_client.get(url(network, "manage_list")).text
    second = coordinator_client.get(url(network, "manage_list"), {"page": 2}).text
    assert "Verein 24" in first and "Verein 25" not in first
    assert "Verein 25" in second and "Verein 29" in second and "Verein 24" not in second
    assert "Page 2 of 2" in second


def test_list_query_count_is_the_same_for_3_and_30_organisations(
    coordinator_client, network, count_queries
):
    version = AgreementVersionFactory(network=network, valid_from=D(2020, 1, 1))
    page = url(network, "manage_list")
    rows(network, 3, version)
    few = count_queries(coordinator_client, page)
    rows(network, 30, version)
    assert count_queries(coordinator_client, page) == few
    filtered = f"{page}?q=Verein&status=member&agreement=signed&sort=-joined"
    assert count_queries(coordinator_client, filtered) == few


# Adding and editing ----------------------------------------------------------------------


def organisation_form(network, **overrides):
    data = {
        "name": "Mosaik e.V.",
        "kind": kind_of(network, "migrant_organisation").pk,
        "street": "Lindenweg 3",
        "postal_code": "12345",
        "city": "Musterstadt",
        "website": "https://mosaik.example",
        "email": "info@mosaik.example",
        "phone": "",
        "languages": "de, ar, ti",
        "description": "",
        "public_listing": "on",
        "joined_on": "2024-02-01",
    }
    data.update(overrides)
    return data


def test_coordinator_adds_an_organisation_as_member(coordinator_client, network, coordinator):
    response = coordinator_client.post(
        url(network, "organisation_create"), organisation_form(network)
    )
    organisation = Organisation.objects.get(name="Mosaik e.V.")
    assert response.status_code == 302
    assert response["Location"] == url(
        network, "organisation_detail", organisation_id=organisation.pk
    )
    assert organisation.languages == ["de", "ar", "ti"]
    assert organisation.memberships.get().joined_on == D(2024, 2, 1)
    page = coordinator_client.get(response["Location"]).text
    assert "Mosaik e.V." in page and "Tigrinya" in page and "Organisation added" in page


def test_add_form_names_the_wrong_fields(coordinator_client, network):
    OrganisationFactory(network=network, name="Mosaik e.V.", city="Musterstadt")
    response = coordinator_client.post(
        url(network, "organisation_create"),
        organisation_form(network, website="kein link", email="kaputt", joined_on="gestern"),
    )
    assert response.status_code == 200
    text = response.text
    assert "Enter a valid URL." in text
    assert "Enter a valid email address." in text
    assert "Enter a valid date." in text
    response = coordinator_client.post(
        url(network, "organisation_create"), organisation_form(network)
    )
    assert "An organisation with this name exists already in Musterstadt." in response.text
    assert 'href="#id_name"' in response.text  # the error summary links to the field
    assert Organisation.objects.filter(name="Mosaik e.V.").count() == 1


def test_add_form_shows_a_taken_name_together_with_the_forms_own_errors(
    coordinator_client, network
):
    """One submission shows every problem: the service's rule (the name exists) and the
    form's (the website), each at its field and in the summary, not one after the other."""
    OrganisationFactory(network=network, name="Mosaik e.V.", city="Musterstadt")
    response = coordinator_client.post(
        url(network, "organisation_create"), organisation_form(network, website="kein link")
    )
    errors = response.context["form"].errors
    assert errors["name"] == ["An organisation with this name exists already in Musterstadt."]
    assert errors["website"] == ["Enter a valid URL."]
    summary = response.text.split('class="error-summary"')[1].split("</div>")[0]
    assert 'href="#id_name"' in summary and 'href="#id_website"' in summary
    assert Organisation.objects.filter(name="Mosaik e.V.").count() == 1


def test_edit_form_shows_every_error_at_once_and_keeps_its_own_name(coordinator_client, network):
    OrganisationFactory(network=network, name="Nachbarn", city="Musterstadt")
    organisation = OrganisationFactory(network=network, name="Alt", city="Musterstadt")
    page = url(network, "organisation_edit", organisation_id=organisation.pk)
    response = coordinator_client.post(
        page, organisation_form(network, name="Nachbarn", email="kaputt")
    )
    assert set(response.context["form"].errors) == {"name", "email"}
    response = coordinator_client.post(page, organisation_form(network, name="Alt"))
    assert response.status_code == 302


def test_add_form_refuses_a_kind_of_another_network(coordinator_client, network, other_network):
    response = coordinator_client.post(
        url(network, "organisation_create"),
        organisation_form(network, kind=kind_of(other_network).pk),
    )
    assert response.status_code == 200
    assert "Select a valid choice." in response.text
    assert not Organisation.objects.filter(name="Mosaik e.V.").exists()


def test_coordinator_edits_an_organisation(coordinator_client, network):
    organisation = OrganisationFactory(network=network, name="Alt")
    response = coordinator_client.post(
        url(network, "organisation_edit", organisation_id=organisation.pk),
        organisation_form(network, name="Neu"),
    )
    assert response.status_code == 302
    organisation.refresh_from_db()
    assert organisation.name == "Neu"
    page = coordinator_client.get(response["Location"]).text
    assert "Profile edited" in page and "name, kind" in page


def test_join_and_leave_through_the_pages(coordinator_client, network):
    organisation = OrganisationFactory(network=network, joined_on=D(2019, 1, 1))
    leave = url(network, "membership_leave", organisation_id=organisation.pk)
    response = coordinator_client.post(leave, {"left_on": "2018-01-01", "reason": ""})
    assert "The membership cannot end before it began" in response.text
    response = coordinator_client.post(leave, {"left_on": "2022-06-30", "reason": "Umzug"})
    assert response.status_code == 302
    response = coordinator_client.post(leave, {"left_on": "2022-07-30", "reason": ""})
    assert "is not a member at the moment" in response.text
    join = url(network, "membership_join", organisation_id=organisation.pk)
    assert coordinator_client.post(join, {"joined_on": "2024-01-01"}).status_code == 302
    assert Membership.objects.filter(organisation=organisation).count() == 2
    page = coordinator_client.get(
        url(network, "organisation_detail", organisation_id=organisation.pk)
    )
    assert "Umzug" in page.text


def test_record_a_signature_and_refuse_the_second(coordinator_client, network):
    organisation = OrganisationFactory(network=network, joined_on=D(2019, 1, 1))
    signer = ContactPositionFactory(organisation=organisation).person
    version = AgreementVersionFactory(network=network, valid_from=D(2024, 1, 1))
    sign = url(network, "signature_add", organisation_id=organisation.pk)
    form = {"version": version.pk, "signed_on": "2024-02-02", "signed_by": signer.pk}
    assert f'value="{version.pk}" selected' in coordinator_client.get(sign).text
    assert coordinator_client.post(sign, form).status_code == 302
    assert AgreementSignature.objects.get().signed_by == signer
    response = coordinator_client.post(sign, form)
    assert "has signed this version already" in response.text
    assert AgreementSignature.objects.count() == 1


def test_organisation_page_shows_contacts_history_and_timeline(coordinator_client, network):
    organisation = OrganisationFactory(network=network, joined_on=D(2019, 1, 1))
    old = ContactPositionFactory(
        organisation=organisation,
        person__full_name="Erste Person",
        started_on=D(2019, 1, 1),
        ended_on=D(2023, 1, 1),
        handover_note="Bitte den Newsletter übernehmen.",
    )
    ContactPositionFactory(
        organisation=organisation,
        person__full_name="Zweite Person",
        started_on=D(2023, 1, 1),
        predecessor=old,
    )
    response = coordinator_client.get(
        url(network, "organisation_detail", organisation_id=organisation.pk)
    )
    text = response.text
    assert response.status_code == 200
    assert "Main contact handed over from Erste Person to Zweite Person" in text
    assert "Note from the predecessor, <bdi>Erste Person</bdi>:" in text
    assert "Bitte den Newsletter übernehmen." in text
    assert "took over from <bdi>Erste Person</bdi>" in text
    assert text.count("<h1") == 1


def test_organisation_of_another_network_is_404(coordinator_client, network, other_network):
    foreign = OrganisationFactory(network=other_network)
    for name in ("organisation_detail", "organisation_edit", "membership_join", "signature_add"):
        response = coordinator_client.get(url(network, name, organisation_id=foreign.pk))
        assert response.status_code == 404, name

"""The CSV export: what spreadsheets need, no formulas, no erased data, and a round trip."""

import csv
import datetime
import io

import pytest
from django.utils import timezone
from django_scopes import scope

from knotenpunkt.accounts.tests.factories import grant_role
from knotenpunkt.members.csv_export import organisations_csv, people_csv
from knotenpunkt.members.csv_import import csv_import_run
from knotenpunkt.members.models import ContactPosition, Organisation, Person
from knotenpunkt.members.tests.factories import (
    ContactPositionFactory,
    MembershipFactory,
    OrganisationFactory,
    PersonFactory,
    kind_of,
)

pytestmark = pytest.mark.django_db


def rows_of(content: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(content.decode("utf-8-sig"), newline=""), delimiter=";"))


@pytest.fixture
def members(network):
    """Organisations and people with the awkward values a real network has."""
    caritas = OrganisationFactory(
        network=network,
        name="Caritas; Beratung",
        kind=kind_of(network, "welfare"),
        city="Musterstadt",
        street='Weg "1"\nHinterhaus',
        website="https://caritas.example",
        phone="+49 30 1234",
        languages=["de", "ar"],
        public_listing=True,
        joined_on=datetime.date(2019, 5, 1),
    )
    MembershipFactory(
        organisation=caritas, joined_on=datetime.date(2010, 1, 1), left_on=datetime.date(2012, 1, 1)
    )
    OrganisationFactory(network=network, name="=HYPERLINK(1)", city="Nord")
    OrganisationFactory(network=network, name="Treff", city="Nord")
    treff_sued = OrganisationFactory(network=network, name="Treff", city="Süd")
    ana = PersonFactory(
        network=network, full_name="Ana Lima", email="ana@example.org", contact_consent=True
    )
    ContactPositionFactory(
        organisation=caritas, person=ana, role="Vorstand", started_on=datetime.date(2020, 1, 1)
    )
    ben = PersonFactory(network=network, full_name="@Ben", email="ben@example.org")
    ContactPositionFactory(
        organisation=treff_sued,
        person=ben,
        role="main contact",
        started_on=datetime.date(2021, 1, 1),
    )
    PersonFactory(
        network=network,
        full_name="",
        email="",
        phone="",
        languages=[],
        erased_at=timezone.now(),
    )
    return caritas


def test_export_has_bom_semicolons_crlf_and_english_keys(network, members):
    content = organisations_csv(network=network)
    assert content.startswith(b"\xef\xbb\xbfname;kind;street;postal_code;city;")
    assert b"\r\n" in content
    rows = rows_of(content)
    caritas = next(row for row in rows if row[0] == "Caritas; Beratung")
    assert caritas[1:] == [
        "welfare",
        'Weg "1"\nHinterhaus',
        "12345",
        "Musterstadt",
        "https://caritas.example",
        "",
        "'+49 30 1234",
        "de, ar",
        "yes",
        "2019-05-01",  # the open membership, not the old one
    ]


def test_cells_that_a_spreadsheet_would_run_as_formula_are_quoted(network, members):
    organisation_names = [row[0] for row in rows_of(organisations_csv(network=network))]
    assert "'=HYPERLINK(1)" in organisation_names
    people_names = [row[0] for row in rows_of(people_csv(network=network))]
    assert "'@Ben" in people_names


def test_people_export_names_the_open_position_and_hides_erased_people(network, members):
    rows = rows_of(people_csv(network=network))
    assert rows[0] == [
        "full_name",
        "email",
        "phone",
        "languages",
        "contact_consent",
        "organisation",
        "role",
    ]
    by_email = {row[1]: row for row in rows[1:]}
    assert by_email["ana@example.org"] == [
        "Ana Lima",
        "ana@example.org",
        "",
        "de",
        "yes",
        "Caritas; Beratung",
        "Vorstand",
    ]
    # "Treff" exists twice, so the city tells the import which one is meant.
    assert by_email["ben@example.org"][5] == "Treff (Süd)"
    erased = by_email[""]
    assert erased[0] == "Former contact" and erased[2:5] == ["", "", "no"]


def test_export_then_import_into_another_network_round_trips(
    network, other_network, coordinator, members
):
    grant_role(coordinator, other_network, "coordinator")

    def organisations():
        fields = ("name", "street", "postal_code", "city", "website", "email", "phone")
        return {
            (*(getattr(o, f) for f in fields), o.kind.key, tuple(o.languages), o.public_listing)
            for o in Organisation.objects.select_related("kind")
        }

    exported_organisations, exported_people = (
        organisations_csv(network=network),
        people_csv(network=network),
    )
    original = organisations()

    with scope(network=other_network):
        assert (
            csv_import_run(
                network=other_network,
                actor=coordinator,
                kind="organisations",
                raw=exported_organisations,
            )
            == 4
        )
        assert (
            csv_import_run(
                network=other_network, actor=coordinator, kind="people", raw=exported_people
            )
            == 3
        )

        assert organisations() == original
        copy = Organisation.objects.get(name="Caritas; Beratung")
        assert copy.memberships.get().joined_on == datetime.date(2019, 5, 1)
        ana = Person.objects.get(email="ana@example.org")
        assert ana.contact_consent
        position = ContactPosition.objects.get(person=ana)
        assert (position.organisation, position.role) == (copy, "Vorstand")
        ben = ContactPosition.objects.get(person__email="ben@example.org")
        assert ben.person.full_name == "@Ben" and ben.organisation.city == "Süd"
        former = Person.objects.get(email="")
        assert former.full_name == "Former contact" and former.phone == ""


def test_export_query_count_does_not_grow_with_rows(network, django_assert_max_num_queries):
    for number in range(30):
        organisation = OrganisationFactory(
            network=network, name=f"Verein {number}", joined_on=datetime.date(2020, 1, 1)
        )
        ContactPositionFactory(organisation=organisation, started_on=datetime.date(2020, 1, 1))
    with django_assert_max_num_queries(2):
        organisations_csv(network=network)
    with django_assert_max_num_queries(3):
        people_csv(network=network)

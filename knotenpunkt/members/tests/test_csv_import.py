"""The CSV import service: reading, validating every row, and writing all rows or none."""

import datetime

import pytest
from django.utils import translation

from knotenpunkt.core.errors import ImportRejected
from knotenpunkt.core.models import AuditEntry
from knotenpunkt.members.csv_import import csv_import_preview, csv_import_run
from knotenpunkt.members.models import (
    ContactPosition,
    Membership,
    Organisation,
    OrganisationKind,
    Person,
)
from knotenpunkt.members.tests.factories import OrganisationFactory, PersonFactory, kind_of

pytestmark = pytest.mark.django_db

ORGANISATIONS = (
    "name;kind;street;postal_code;city;website;email;phone;languages;public_listing;joined_on\r\n"
    "Café Global e.V.;association;Marktplatz 3;12345;Musterstadt;cafe-global.example;"
    "info@cafe-global.example;+49 30 123;de, ar;ja;31.03.2021\r\n"
    "Jobcenter;ADMINISTRATION;;;Musterstadt;;;;;nein;\r\n"
)


def run(network, coordinator, text, kind="organisations", encoding="utf-8"):
    return csv_import_run(
        network=network, actor=coordinator, kind=kind, raw=text.encode(encoding), filename="x.csv"
    )


def rejected(network, coordinator, text, kind="organisations", raw=None):
    raw = text.encode() if raw is None else raw
    with pytest.raises(ImportRejected) as caught:
        csv_import_run(network=network, actor=coordinator, kind=kind, raw=raw)
    return caught.value


def test_organisations_are_created_with_membership_and_audit_entries(network, coordinator):
    assert run(network, coordinator, ORGANISATIONS) == 2

    cafe = Organisation.objects.get(network=network, name="Café Global e.V.")
    assert cafe.kind == kind_of(network, "association")
    assert cafe.website == "https://cafe-global.example"
    assert cafe.languages == ["de", "ar"]
    assert cafe.public_listing is True and cafe.public_listing_changed_at is not None
    assert cafe.memberships.get().joined_on == datetime.date(2021, 3, 31)
    jobcenter = Organisation.objects.get(network=network, name="Jobcenter")
    assert jobcenter.kind == kind_of(network, "administration")  # by its label
    assert not jobcenter.memberships.exists()
    # The audit trail reads as if the members services had created each record.
    entries = AuditEntry.objects.filter(network=network).exclude(action="network.create")
    assert sorted((entry.action, entry.target_id, entry.context_id) for entry in entries) == [
        ("membership.join", str(cafe.memberships.get().pk), str(cafe.pk)),
        ("organisation.create", str(cafe.pk), ""),
        ("organisation.create", str(jobcenter.pk), ""),
    ]
    assert all(entry.actor == coordinator for entry in entries)
    assert entries.filter(target_id=str(jobcenter.pk)).get().summary.endswith("row 3")


@pytest.mark.parametrize("bom", [b"", b"\xef\xbb\xbf"], ids=["no-bom", "bom"])
@pytest.mark.parametrize("delimiter", [";", ","])
def test_bom_and_both_delimiters_are_read(network, coordinator, bom, delimiter):
    text = f"name{delimiter}kind{delimiter}city\r\nÖzgür Dernek{delimiter}other{delimiter}Köln\r\n"
    raw = bom + text.encode()
    assert csv_import_run(network=network, actor=coordinator, kind="organisations", raw=raw) == 1
    organisation = Organisation.objects.get(network=network)
    assert (organisation.name, organisation.city) == ("Özgür Dernek", "Köln")


def test_a_kind_the_network_added_is_found_by_its_name(network, coordinator):
    foundation = OrganisationKind.objects.create(network=network, key="foundation", name="Stiftung")
    run(network, coordinator, "name;kind\nBürgerstiftung;stiftung\n")
    assert Organisation.objects.get(network=network).kind == foundation


def test_windows_1252_files_are_read(network, coordinator):
    run(
        network, coordinator, "Name;Art;Ort\r\nMüller & Söhne;company;Gießen\r\n", encoding="cp1252"
    )
    assert Organisation.objects.get(network=network).name == "Müller & Söhne"


def test_german_headers_and_quoted_cells_with_delimiters_and_newlines(network, coordinator):
    text = (
        "Name;Art;Straße;PLZ;Ort;Öffentlich\n"
        '"Haus ""Vielfalt""; Treff";Association;"Weg 1\nHinterhaus";1;X;0\n'
    )
    run(network, coordinator, text)
    organisation = Organisation.objects.get(network=network)
    assert organisation.name == 'Haus "Vielfalt"; Treff'
    assert organisation.street == "Weg 1\nHinterhaus"
    assert organisation.public_listing is False


def test_one_bad_row_writes_nothing_and_every_error_is_listed_by_row_and_column(
    network, coordinator
):
    text = (
        "name;kind;email;website;joined_on;public_listing;languages\n"
        "Gut e.V.;association;gut@example.org;;2020-01-01;yes;de\n"
        ";unknown-kind;not-an-email;http://;31.02.2020;vielleicht;d!e\n"
        "Auch gut;other;;;;;\n"
    )
    error = rejected(network, coordinator, text)

    assert Organisation.objects.filter(network=network).count() == 0
    assert Membership.objects.filter(network=network).count() == 0
    found = {(problem.row, problem.column) for problem in error.problems}
    assert found == {
        (3, "name"),
        (3, "kind"),
        (3, "email"),
        (3, "website"),
        (3, "joined_on"),
        (3, "public_listing"),
        (3, "languages"),
    }


def test_messages_are_in_the_users_language(network, coordinator):
    text = "Name;Art;E-Mail\nVerein;association;kaputt\n"
    with translation.override("de"):
        preview = csv_import_preview(network=network, kind="organisations", raw=text.encode())
    [problem] = preview.problems
    assert (problem.row, problem.column) == (2, "E-Mail")
    assert "gültige E-Mail-Adresse" in problem.message


def test_row_numbers_count_blank_rows_and_multi_line_cells_like_a_spreadsheet(network, coordinator):
    text = 'name;kind\n\n"Zwei\nZeilen";other\n;other\n'
    preview = csv_import_preview(network=network, kind="organisations", raw=text.encode())
    assert [(problem.row, problem.column) for problem in preview.problems] == [(4, "name")]


def test_unknown_and_missing_required_columns_are_named(network, coordinator):
    error = rejected(network, coordinator, "name;farbe;city;city\nA;rot;B;C\n")
    found = {(problem.row, problem.column) for problem in error.problems}
    assert found == {(1, "farbe"), (1, "city"), (1, "kind")}


def test_a_people_file_uploaded_as_organisations_gets_a_hint(network, coordinator):
    error = rejected(network, coordinator, "full_name;email\nAna;ana@example.org\n")
    assert any("people" in problem.message for problem in error.problems)


def test_duplicate_organisations_in_the_file_and_in_the_database(network, coordinator):
    OrganisationFactory(network=network, name="Caritas", city="Musterstadt")
    text = (
        "name;kind;city\n"
        "Neu;other;Musterstadt\n"
        "CARITAS;welfare;musterstadt\n"
        "neu;other;MUSTERSTADT\n"
        "Neu;other;Anderstadt\n"
    )
    error = rejected(network, coordinator, text)
    by_row = {problem.row: problem.message for problem in error.problems}
    assert set(by_row) == {3, 4}
    assert "exists already" in by_row[3]
    assert "2" in by_row[4] and "4" in by_row[4]  # names both rows
    assert Organisation.objects.filter(network=network).count() == 1


def test_duplicate_people_by_email_in_the_file_and_in_the_database(network, coordinator):
    PersonFactory(network=network, email="Ana@Example.org")
    text = (
        "full_name;email\n"
        "Ana A.;ana@example.org\n"
        "Ben;ben@example.org\n"
        "Benjamin;BEN@example.org\n"
        "Ohne Mail;\n"
        "Auch ohne;\n"
    )
    error = rejected(network, coordinator, text, kind="people")
    by_row = {problem.row: problem.message for problem in error.problems}
    assert set(by_row) == {2, 4}
    assert "3" in by_row[4] and "4" in by_row[4]
    assert Person.objects.filter(network=network).count() == 1


def test_organisations_of_another_network_do_not_count_as_duplicates(
    network, other_network, coordinator
):
    OrganisationFactory(network=other_network, name="Caritas", city="Musterstadt")
    run(network, coordinator, "name;kind;city\nCaritas;welfare;Musterstadt\n")
    assert Organisation.objects.filter(network=network, name="Caritas").exists()


def test_people_get_a_contact_position_at_an_existing_organisation(network, coordinator):
    caritas = OrganisationFactory(network=network, name="Caritas", city="Musterstadt")
    OrganisationFactory(network=network, name="Treff", city="Nord")
    OrganisationFactory(network=network, name="Treff", city="Süd")
    text = (
        "Name;E-Mail;Sprachen;Kontakt erlaubt;Organisation;Rolle\n"
        "Ana Lima;ana@example.org;pt de;ja;caritas;Vorstand\n"
        "Ben Kurz;;;nein;Treff (Süd);\n"
        "Cem Ohne;;;;;\n"
    )
    assert run(network, coordinator, text, kind="people") == 3

    ana = Person.objects.get(network=network, full_name="Ana Lima")
    assert ana.languages == ["pt", "de"] and ana.contact_consent and ana.contact_consent_at
    position = ContactPosition.objects.get(person=ana)
    assert (position.organisation, position.role, position.ended_on) == (caritas, "Vorstand", None)
    ben_position = ContactPosition.objects.get(person__full_name="Ben Kurz")
    assert ben_position.organisation.city == "Süd"
    assert ben_position.role == "main contact"
    assert not ContactPosition.objects.filter(person__full_name="Cem Ohne").exists()
    assert AuditEntry.objects.filter(
        network=network, action="person.create", target_id=str(ana.pk)
    ).exists()
    opened = AuditEntry.objects.get(network=network, action="position.open", context_id=caritas.pk)
    assert opened.target_id == str(position.pk)


def test_unknown_ambiguous_organisation_and_role_without_organisation_are_errors(
    network, coordinator
):
    OrganisationFactory(network=network, name="Treff", city="Nord")
    OrganisationFactory(network=network, name="Treff", city="Süd")
    text = "full_name;organisation;role\nA;Gibt es nicht;\nB;Treff;\nC;;Vorstand\n"
    error = rejected(network, coordinator, text, kind="people")
    found = {(problem.row, problem.column) for problem in error.problems}
    assert found == {(2, "organisation"), (3, "organisation"), (4, "role")}
    assert Person.objects.filter(network=network).count() == 0


@pytest.mark.parametrize(
    "raw, words",
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "not a CSV"),
        (b"PK\x03\x04\x14\x00\x06\x00" + b"\x00" * 40, "spreadsheet"),
        (b"name;kind\nA\x00;other\n", "not a CSV"),
        (b"\xef\xbb\xbfname;kind\n\x81\x8d;other\n", "not a CSV"),
        (b"", "empty"),
        (b"\xef\xbb\xbf \r\n", "empty"),
        (b"name;kind\n", "no rows"),
    ],
)
def test_files_that_are_not_importable_are_rejected_with_a_message(
    network, coordinator, raw, words
):
    error = rejected(network, coordinator, "", raw=raw)
    assert words in error.message
    assert Organisation.objects.filter(network=network).count() == 0


def test_files_over_the_limit_are_rejected(network, coordinator, settings):
    settings.KNOTENPUNKT_IMPORT_MAX_BYTES = 100
    text = "name;kind\n" + "".join(f"Verein {n};other\n" for n in range(20))
    error = rejected(network, coordinator, text)
    assert "larger than" in error.message
    assert Organisation.objects.filter(network=network).count() == 0


def test_the_formula_guard_of_the_export_is_undone(network, coordinator):
    run(network, coordinator, "name;kind;phone\n'=Verein;other;'+49 30 1\n'Apostroph;other;\n")
    names = set(Organisation.objects.filter(network=network).values_list("name", "phone"))
    assert names == {("=Verein", "+49 30 1"), ("'Apostroph", "")}


def test_cells_beyond_the_header_are_an_error_but_empty_trailing_cells_are_fine(
    network, coordinator
):
    preview = csv_import_preview(
        network=network, kind="organisations", raw=b"name;kind\nA;other;;\nB;other;zu viel\n"
    )
    assert [(problem.row, problem.column) for problem in preview.problems] == [(3, "")]
    assert [row.number for row in preview.rows] == [2]


def test_an_unclosed_quote_is_reported_at_its_row(network, coordinator):
    text = 'name;kind\nA;other\n"' + "a" * 200_000 + ";other\n"
    error = rejected(network, coordinator, text)
    assert [(problem.row, problem.column) for problem in error.problems] == [(3, "")]
    assert "quotation mark" in error.problems[0].message
    assert Organisation.objects.filter(network=network).count() == 0


@pytest.mark.parametrize("newline", ["\r", "\n", "\r\n"], ids=["cr", "lf", "crlf"])
def test_any_line_ending_and_blank_lines_before_the_header(network, coordinator, newline):
    text = newline.join(["", ",,", "name,kind,city", "A,other,X", "B,other,Y", ""])
    assert run(network, coordinator, text) == 2


def test_a_lone_carriage_return_in_the_first_line_ends_the_header(network, coordinator):
    # Found by the hypothesis test: this used to escape as csv.Error (a server error).
    preview = csv_import_preview(network=network, kind="organisations", raw=b"x\ry;z\nname;kind\n")
    assert [(problem.row, problem.column) for problem in preview.problems][0] == (1, "x")


def test_a_clash_at_write_time_rolls_everything_back(network, coordinator, monkeypatch):
    """Another request may add the same e-mail between validation and insert."""
    from django.db import IntegrityError

    from knotenpunkt.members import csv_import

    def clash(rows, **kwargs):
        Person.objects.create(network=network, full_name="Half written")
        raise IntegrityError("unique_person_email_per_network")

    monkeypatch.setattr(csv_import, "_write_people", clash)
    error = rejected(network, coordinator, "full_name;email\nAna;ana@example.org\n", kind="people")
    assert "changed meanwhile" in error.message
    assert Person.objects.filter(network=network).count() == 0


@pytest.mark.parametrize(
    ("yes", "no"),
    [
        ("ja", "NEIN"),
        ("Evet", "HAYIR"),
        ("так", "ні"),
        ("да", "Нет"),
        ("نعم", "لا"),
        ("بله", "خیر"),
    ],
)
def test_yes_and_no_are_understood_in_every_language_of_the_site(network, coordinator, yes, no):
    rows = f"Eins e.V.;association;{yes}\r\nZwei e.V.;association;{no}\r\n"
    run(network, coordinator, "name;kind;public_listing\r\n" + rows)
    listed = dict(
        Organisation.objects.filter(network=network).values_list("name", "public_listing")
    )
    assert listed == {"Eins e.V.": True, "Zwei e.V.": False}


def test_a_word_that_is_neither_yes_nor_no_is_an_error(network, coordinator):
    problems = rejected(
        network, coordinator, "name;kind;public_listing\r\nEins;association;vielleicht\r\n"
    )
    assert [(p.row, p.column) for p in problems.problems] == [(2, "public_listing")]

"""The import pages (upload → preview → confirm) and the export downloads, through the views."""

import re

import pytest
from django.contrib.messages import SUCCESS, get_messages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils.html import escape

from knotenpunkt.accounts.tests.factories import UserFactory, grant_role
from knotenpunkt.core.testing import translated
from knotenpunkt.members.models import ContactPosition, Organisation, Person
from knotenpunkt.members.tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db

LANGUAGE = "de"  # the pages below speak the language of their path
IMPORT = f"/{LANGUAGE}/musterstadt/manage/members/import/"
CONFIRM = f"/{LANGUAGE}/musterstadt/manage/members/import/confirm/"
EXPORT_ORGANISATIONS = f"/{LANGUAGE}/musterstadt/manage/members/export/organisations.csv"
EXPORT_PEOPLE = f"/{LANGUAGE}/musterstadt/manage/members/export/people.csv"
GOOD = "name;kind;city\r\nCafé Global;association;Musterstadt\r\nJobcenter;administration;\r\n"


@pytest.fixture(autouse=True)
def var_dir(settings, tmp_path):
    settings.VAR_DIR = tmp_path
    return tmp_path


def shown(message: str) -> str:
    """An import message as the page shows it: translated, then escaped like any variable."""
    return escape(translated(message, LANGUAGE))


ORGANISATION_EXISTS = "An organisation with this name and city exists already in this network."


def pending_files(var_dir):
    return list((var_dir / "imports").glob("*")) if (var_dir / "imports").exists() else []


def upload(client, content, kind="organisations", name="mitglieder.csv"):
    raw = content.encode() if isinstance(content, str) else content
    file = SimpleUploadedFile(name, raw, content_type="text/csv")
    return client.post(IMPORT, {"kind": kind, "file": file})


def token_of(response) -> str:
    return re.search(r'name="token" value="([^"]+)"', response.text)[1]


def test_upload_page_documents_the_columns(coordinator_client):
    response = coordinator_client.get(IMPORT)
    assert response.status_code == 200
    assert 'enctype="multipart/form-data"' in response.text
    for key in ("postal_code", "public_listing", "joined_on", "contact_consent", "association"):
        assert f"<code>{key}</code>" in response.text


def test_preview_then_confirm_writes_all_rows_and_removes_the_upload(
    coordinator_client, network, var_dir
):
    response = upload(coordinator_client, GOOD)
    assert response.status_code == 200
    assert "Café Global" in response.text and "Jobcenter" in response.text
    assert Organisation.objects.filter(network=network).count() == 0
    assert len(pending_files(var_dir)) == 1

    response = coordinator_client.post(CONFIRM, {"token": token_of(response), "confirm": ""})

    assert response.status_code == 302
    assert response.url == "/de/musterstadt/manage/members/"
    [done] = get_messages(response.wsgi_request)
    assert done.level == SUCCESS and "2" in done.message
    assert set(Organisation.objects.filter(network=network).values_list("name", flat=True)) == {
        "Café Global",
        "Jobcenter",
    }
    assert pending_files(var_dir) == []
    again = upload(coordinator_client, GOOD)  # the same file a second time: all duplicates
    assert again.text.count(shown(ORGANISATION_EXISTS)) == 2
    assert 'name="token"' not in again.text
    assert Organisation.objects.filter(network=network).count() == 2


def test_people_import_through_the_views(coordinator_client, network):
    caritas = OrganisationFactory(network=network, name="Caritas")
    response = upload(
        coordinator_client,
        "Name,E-Mail,Organisation,Rolle\nAna Lima,ana@example.org,Caritas,Vorstand\n",
        kind="people",
    )
    coordinator_client.post(CONFIRM, {"token": token_of(response)})
    position = ContactPosition.objects.get(person__email="ana@example.org")
    assert (position.organisation, position.role) == (caritas, "Vorstand")


def test_errors_are_listed_by_row_and_column_in_the_users_language_and_nothing_is_kept(
    coordinator_client, network, var_dir
):
    content = (
        "Name;Art;E-Mail\r\nGut;association;gut@example.org\r\nSchlecht;association;kaputt\r\n"
    )
    response = upload(coordinator_client, content)

    assert response.status_code == 200
    text = response.text
    assert "<td>3</td>" in text and "<td>E-Mail</td>" in text
    assert "gültige E-Mail-Adresse" in text  # Django's own German message
    assert 'name="token"' not in text  # nothing to confirm
    assert pending_files(var_dir) == []
    assert Organisation.objects.filter(network=network).count() == 0


@pytest.mark.parametrize(
    "content, message",
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "This file is not a CSV file."),
        (
            b"PK\x03\x04" + bytes(range(256)),
            "This is a spreadsheet file, not CSV. Save it as “CSV UTF-8” in your "
            "spreadsheet program and upload that file.",
        ),
    ],
    ids=["png", "xlsx"],
)
def test_a_file_that_is_not_csv_gets_a_message_and_nothing_is_stored(
    coordinator_client, network, var_dir, content, message
):
    response = upload(coordinator_client, content, name="bild.csv")
    assert response.status_code == 200
    assert shown(message) in response.text
    assert 'class="error-summary"' in response.text
    assert pending_files(var_dir) == []
    assert Organisation.objects.filter(network=network).count() == 0


def test_an_oversize_file_gets_a_message_and_nothing_is_stored(
    coordinator_client, network, var_dir, settings
):
    settings.KNOTENPUNKT_IMPORT_MAX_BYTES = 1024
    content = "name;kind\r\n" + "".join(f"Verein {n};other\r\n" for n in range(200))
    response = upload(coordinator_client, content)
    assert response.status_code == 200
    assert "larger than" in response.text or "größer als" in response.text
    assert pending_files(var_dir) == []
    assert Organisation.objects.filter(network=network).count() == 0


def test_confirm_validates_again_and_writes_nothing_when_the_data_changed(
    coordinator_client, network, var_dir
):
    response = upload(coordinator_client, GOOD)
    OrganisationFactory(network=network, name="Jobcenter", city="")

    response = coordinator_client.post(CONFIRM, {"token": token_of(response)})

    assert response.status_code == 200
    assert shown(ORGANISATION_EXISTS) in response.text
    assert not Organisation.objects.filter(network=network, name="Café Global").exists()
    assert pending_files(var_dir) == []


def test_cancel_discards_the_upload(coordinator_client, network, var_dir):
    response = upload(coordinator_client, GOOD)
    response = coordinator_client.post(CONFIRM, {"token": token_of(response), "cancel": ""})
    assert response.status_code == 302
    assert pending_files(var_dir) == []
    assert Organisation.objects.filter(network=network).count() == 0


def test_a_stale_or_forged_token_writes_nothing(coordinator_client, network, var_dir):
    first = token_of(upload(coordinator_client, GOOD))
    second = token_of(upload(coordinator_client, GOOD.replace("Jobcenter", "Tafel")))
    assert len(pending_files(var_dir)) == 1  # the newer upload replaced the older one

    for token in (first, "../../secret_key", ""):
        response = coordinator_client.post(CONFIRM, {"token": token})
        assert response.status_code == 302
    assert Organisation.objects.filter(network=network).count() == 0
    coordinator_client.post(CONFIRM, {"token": second})
    assert Organisation.objects.filter(network=network, name="Tafel").exists()


def test_confirm_needs_post(coordinator_client):
    assert coordinator_client.get(CONFIRM).status_code == 405


def test_exports_are_csv_downloads(coordinator_client, network, django_assert_max_num_queries):
    for number in range(20):
        OrganisationFactory(network=network, name=f"Verein {number}")
    with django_assert_max_num_queries(8):
        response = coordinator_client.get(EXPORT_ORGANISATIONS)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"].startswith('attachment; filename="musterstadt-organ')
    assert "no-store" in response["Cache-Control"]
    assert response.content.startswith(b"\xef\xbb\xbfname;kind;")
    assert response.content.count(b"\r\n") == 21
    people = coordinator_client.get(EXPORT_PEOPLE)
    assert people.content.startswith(b"\xef\xbb\xbffull_name;email;")


def test_member_contact_gets_403_everywhere(client, network):
    member = UserFactory()
    grant_role(member, network, "member_contact")
    client.force_login(member)
    assert client.get(IMPORT).status_code == 403
    assert upload(client, GOOD).status_code == 403
    assert client.post(CONFIRM, {"token": "x"}).status_code == 403
    assert client.get(EXPORT_ORGANISATIONS).status_code == 403
    assert client.get(EXPORT_PEOPLE).status_code == 403
    assert Organisation.objects.filter(network=network).count() == 0


def test_city_liaison_may_export_but_not_import(client, city_liaison):
    client.force_login(city_liaison)
    assert client.get(EXPORT_PEOPLE).status_code == 200
    assert client.get(IMPORT).status_code == 403


def test_anonymous_visitors_are_sent_to_log_in(client, network):
    response = client.get(EXPORT_PEOPLE)
    assert response.status_code == 302
    assert "login" in response.url
    assert Person.objects.filter(network=network).count() == 0


def test_a_coordinator_of_another_network_cannot_import_here(client, other_network, network):
    stranger = UserFactory()
    grant_role(stranger, other_network, "coordinator")
    client.force_login(stranger)
    assert client.get(IMPORT).status_code == 403
    assert upload(client, GOOD).status_code == 403
    assert Organisation.objects.filter(network=network).count() == 0

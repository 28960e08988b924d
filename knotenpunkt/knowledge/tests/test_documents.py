"""Documents: what may be uploaded, where it is stored, and who gets it back."""

import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from knotenpunkt.accounts.tests.factories import UserFactory, grant_role
from knotenpunkt.core.models import AuditEntry
from knotenpunkt.knowledge import services
from knotenpunkt.knowledge.models import Document, Visibility

from .factories import PDF_BYTES, join_group, make_group, make_page
from .helpers import url

pytestmark = pytest.mark.django_db

PNG_BYTES = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32


def office_file(kind: str) -> bytes:
    """A minimal OOXML (docx) or ODF (odt) archive: what the content check looks for."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        if kind == "odt":
            archive.writestr("mimetype", "application/vnd.oasis.opendocument.text")
            archive.writestr("content.xml", "<office:document-content/>")
        else:
            archive.writestr("[Content_Types].xml", "<Types/>")
            archive.writestr("word/document.xml", "<w:document/>")
    return buffer.getvalue()


def stored_files(media_root) -> list:
    return [path for path in media_root.rglob("*") if path.is_file()]


def upload(client, network, name, content, **data):
    file = SimpleUploadedFile(name, content, content_type="application/octet-stream")
    return client.post(
        url(network, "document_upload"),
        {"file": file, "title": "", "group": "", "visibility": "network", **data},
    )


@pytest.mark.parametrize(
    ("name", "content", "content_type"),
    [
        ("Protokoll.pdf", PDF_BYTES, "application/pdf"),
        ("Plakat.PNG", PNG_BYTES, "image/png"),
        ("Foto.jpg", b"\xff\xd8\xff\xe0" + b"\x00" * 16, "image/jpeg"),
        (
            "Bericht.docx",
            office_file("docx"),
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        ),
        ("Bericht.odt", office_file("odt"), "application/vnd.oasis.opendocument.text"),
        ("Liste.csv", "Name;Ort\nAyşe;Süd\n".encode(), "text/csv"),
    ],
)
def test_allowed_files_are_stored_per_network_under_a_random_folder(
    coordinator_client, network, media_root, name, content, content_type
):
    response = upload(coordinator_client, network, name, content, title="Unterlage")
    assert response.status_code == 302
    document = Document.objects.get()
    assert (document.title, document.content_type, document.size) == (
        "Unterlage",
        content_type,
        len(content),
    )
    folder, network_id, random_part, filename = document.file.name.split("/")
    assert (folder, network_id, filename) == ("documents", str(network.pk), name)
    assert len(random_part) >= 32  # 24 random bytes: nobody guesses the folder
    assert (media_root / document.file.name).read_bytes() == content
    assert AuditEntry.objects.filter(action="document.upload").count() == 1


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("tool.exe", b"MZ\x90\x00", "Files of this type cannot be uploaded"),
        ("seite.html", b"<script>alert(1)</script>", "Files of this type cannot be uploaded"),
        ("ohne-endung", PDF_BYTES, "Files of this type cannot be uploaded"),
        ("falsch.pdf", b"MZ\x90\x00 not a pdf", "does not match its type (.pdf)"),
        ("falsch.png", PDF_BYTES, "does not match its type (.png)"),
        ("falsch.docx", b"PK\x03\x04 not really a zip", "does not match its type (.docx)"),
        ("vertauscht.docx", office_file("odt"), "does not match its type (.docx)"),
        ("vertauscht.odt", office_file("docx"), "does not match its type (.odt)"),
        ("binär.txt", b"\x00\x01\x02binary", "does not match its type (.txt)"),
    ],
)
def test_refused_files_get_a_message_on_the_file_field_and_nothing_is_stored(
    coordinator_client, network, media_root, name, content, message
):
    response = upload(coordinator_client, network, name, content)
    assert response.status_code == 200
    assert message in response.text
    assert '<a href="#id_file">File:' in response.text  # the error summary names the field
    assert not Document.objects.exists()
    assert stored_files(media_root) == []


def test_a_file_over_the_limit_is_refused_with_its_size(
    coordinator_client, network, media_root, settings
):
    settings.KNOTENPUNKT_DOCUMENT_MAX_BYTES = 1000
    response = upload(coordinator_client, network, "gross.pdf", PDF_BYTES + b"0" * 1000)
    assert response.status_code == 200
    assert "The file is too large" in response.text and "at most 1000" in response.text
    assert not Document.objects.exists()
    assert stored_files(media_root) == []


def test_a_failing_save_removes_the_file_it_wrote(network, coordinator, media_root, monkeypatch):
    def broken(**kwargs):
        raise RuntimeError("database gone")

    monkeypatch.setattr(services, "audit_record", broken)
    with pytest.raises(RuntimeError):
        services.document_upload(
            network=network,
            actor=coordinator,
            upload=SimpleUploadedFile("a.pdf", PDF_BYTES),
        )
    assert not Document.objects.exists()
    assert stored_files(media_root) == []


def download(client, document):
    return client.get(url(document.network, "document_download", document_id=document.pk))


def test_download_is_an_attachment_that_browsers_do_not_sniff(coordinator_client, network):
    document = services.document_upload(
        network=network, actor=None, upload=SimpleUploadedFile("Plan 2025.pdf", PDF_BYTES)
    )
    response = download(coordinator_client, document)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF_BYTES
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("attachment;")
    assert "Plan_2025.pdf" in response["Content-Disposition"]
    assert response["X-Content-Type-Options"] == "nosniff"


def test_who_may_download_follows_the_visibility(client, network, other_network):
    group = make_group(network)
    public, internal, group_only = (
        services.document_upload(
            network=network,
            actor=None,
            upload=SimpleUploadedFile(f"{visibility}.pdf", PDF_BYTES),
            visibility=visibility,
            group=group,
        )
        for visibility in (Visibility.PUBLIC, Visibility.NETWORK, Visibility.GROUP)
    )
    assert [download(client, d).status_code for d in (public, internal, group_only)] == [
        200,
        404,
        404,
    ]
    member = UserFactory()
    grant_role(member, network, "member_contact")
    client.force_login(member)
    assert [download(client, d).status_code for d in (public, internal, group_only)] == [
        200,
        200,
        404,
    ]
    join_group(group, member)
    assert download(client, group_only).status_code == 200
    outsider = UserFactory()
    grant_role(outsider, other_network, "coordinator")
    client.force_login(outsider)
    assert download(client, internal).status_code == 404


def test_stored_files_have_no_address_of_their_own(client, coordinator_client, network):
    document = services.document_upload(
        network=network,
        actor=None,
        upload=SimpleUploadedFile("a.pdf", PDF_BYTES),
        visibility=Visibility.PUBLIC,
    )
    listing = coordinator_client.get(url(network, "document_list")).text
    assert document.file.name not in listing
    for address in (f"/{document.file.name}", f"/media/{document.file.name}"):
        assert client.get(address).status_code == 404
        assert coordinator_client.get(address).status_code == 404


def test_documents_of_another_network_are_404(coordinator_client, network, other_network):
    foreign = services.document_upload(
        network=other_network,
        actor=None,
        upload=SimpleUploadedFile("a.pdf", PDF_BYTES),
        visibility=Visibility.PUBLIC,
    )
    response = coordinator_client.get(url(network, "document_download", document_id=foreign.pk))
    assert response.status_code == 404


def test_a_document_attached_to_a_page_is_listed_there(client, network, member_contact):
    group = make_group(network, "Ehrenamt")
    join_group(group, member_contact)
    page = make_page(network, title="Treffen", group=group, visibility=Visibility.GROUP)
    client.force_login(member_contact)
    attach = url(network, "document_upload") + f"?page={page.pk}"
    form = client.get(attach).text
    assert 'name="group"' not in form  # the page decides the group
    response = client.post(
        attach,
        {"file": SimpleUploadedFile("Einladung.pdf", PDF_BYTES), "visibility": "group"},
    )
    assert response.status_code == 302
    document = Document.objects.get()
    assert (document.page, document.group, document.uploaded_by) == (page, group, member_contact)
    page_text = client.get(response["Location"]).text
    assert "Einladung" in page_text
    assert url(network, "document_download", document_id=document.pk) in page_text


def test_attaching_needs_the_right_to_edit_the_page(client, network, member_contact):
    page = make_page(network, visibility=Visibility.NETWORK)
    client.force_login(member_contact)
    attach = url(network, "document_upload") + f"?page={page.pk}"
    assert client.get(attach).status_code == 403
    # A member who writes in their own group: another group's hidden page does not exist.
    join_group(make_group(network, "Eigene"), member_contact)
    assert client.get(attach).status_code == 403
    hidden = make_page(network, visibility=Visibility.GROUP, group=make_group(network))
    assert client.get(url(network, "document_upload") + f"?page={hidden.pk}").status_code == 404


def test_the_document_list_makes_the_same_number_of_queries_for_many_documents(
    coordinator_client, network, django_assert_max_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    group = make_group(network)
    page = make_page(network, group=group)

    def add(count):
        for number in range(count):
            services.document_upload(
                network=network,
                actor=None,
                upload=SimpleUploadedFile(f"d{number}.txt", b"Text"),
                group=group if number % 2 else None,
                page=page if number % 3 == 0 else None,
            )

    add(2)
    with CaptureQueriesContext(connection) as few:
        assert coordinator_client.get(url(network, "document_list")).status_code == 200
    add(30)
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = coordinator_client.get(url(network, "document_list"))
    assert response.text.count("d1") >= 1 and "Page 1 of 1" not in response.text

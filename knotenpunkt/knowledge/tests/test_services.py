"""Pages and their revisions: every save a version with author and time, restore, the rules."""

import pytest
from django_scopes import scopes_disabled

from knotenpunkt.accounts.tests.factories import UserFactory, grant_role
from knotenpunkt.core.errors import DomainError
from knotenpunkt.core.models import AuditEntry
from knotenpunkt.core.testing import refused
from knotenpunkt.knowledge import services
from knotenpunkt.knowledge.models import Page, Revision, Visibility

from .factories import make_group, make_page

pytestmark = pytest.mark.django_db


def test_a_new_page_has_its_first_version_by_its_author(network, coordinator):
    page = services.page_create(
        network=network,
        actor=coordinator,
        title="Übergabe der Sprachkurs-Liste",
        body="## Ablauf\n\nJeden **Montag**.",
        comment="erster Entwurf",
    )
    revision = page.current_revision
    assert page.slug == "ubergabe-der-sprachkurs-liste"
    assert (revision.number, revision.author, revision.comment) == (
        1,
        coordinator,
        "erster Entwurf",
    )
    assert revision.body == "## Ablauf\n\nJeden **Montag**." and revision.created_at
    assert AuditEntry.objects.filter(action="page.create", target_id=str(page.pk)).count() == 1


def test_short_names_are_unique_per_network_and_group(network, other_network, coordinator):
    health, housing = make_group(network), make_group(network)
    first = make_page(network, title="Protokolle")
    assert make_page(network, title="Protokolle").slug == "protokolle-2"
    # The same short name may exist once per group and once in another network.
    assert make_page(network, title="Protokolle", group=health).slug == "protokolle"
    assert make_page(network, title="Protokolle", group=housing).slug == "protokolle"
    assert make_page(other_network, title="Protokolle").slug == "protokolle"
    with refused("Another page has this short name already.", field="slug"):
        make_page(network, title="Andere", slug=first.slug)
    with refused("Use only lower-case letters, digits and hyphens (-).", field="slug"):
        make_page(network, title="Andere", slug="Mit Leerzeichen")


def test_group_internal_needs_a_group(network, coordinator):
    with refused(
        "Only pages and documents of a working group can be group-internal.", field="visibility"
    ) as error:
        make_page(network, visibility=Visibility.GROUP)
    assert error.value.field == "visibility"
    assert not Page.objects.exists()


def test_a_page_needs_a_title(network, coordinator):
    with refused("This field is required.", field="title"):
        services.page_create(network=network, actor=coordinator, title="  ")


def test_a_group_of_another_network_is_refused(network, other_network, coordinator):
    with refused("Choose a working group of this network.", field="group") as error:
        make_page(network, group=make_group(other_network))
    assert error.value.field == "group"


def test_every_save_is_a_new_version_and_the_old_ones_stay(network, coordinator):
    editor = grant_role(UserFactory(), network, "coordinator").user
    page = make_page(network, title="Kontakte", body="Frau A.", actor=coordinator)
    second = services.page_update(
        page=page,
        actor=editor,
        title="Kontakte im Amt",
        body="Frau A.\nHerr B.",
        visibility=Visibility.PUBLIC,
        comment="Herr B. ergänzt",
    )
    page.refresh_from_db()
    assert page.current_revision == second and second.number == 2
    assert (page.title, page.visibility) == ("Kontakte im Amt", Visibility.PUBLIC)
    assert second.author == editor and second.comment == "Herr B. ergänzt"
    assert list(page.revisions.values_list("number", "title", "body")) == [
        (2, "Kontakte im Amt", "Frau A.\nHerr B."),
        (1, "Kontakte", "Frau A."),
    ]
    assert AuditEntry.objects.filter(action="page.update").count() == 1


def test_saving_without_a_change_is_refused(network, coordinator):
    page = make_page(network, title="Gleich", body="Text")
    with refused("Nothing was changed, so no new version was saved.", field=None):
        services.page_update(
            page=page, actor=coordinator, title="Gleich", body="Text", visibility=page.visibility
        )
    assert page.revisions.count() == 1


def test_a_save_based_on_an_old_version_does_not_overwrite_a_newer_one(network, coordinator):
    page = make_page(network, body="Anfang")
    started_from = page.current_revision
    services.page_update(
        page=page, actor=coordinator, title=page.title, body="Kollegin", visibility="network"
    )
    with pytest.raises(DomainError, match="Someone else saved this page"):
        services.page_update(
            page=page,
            actor=coordinator,
            title=page.title,
            body="Ich",
            visibility="network",
            base_revision=started_from,
        )
    page.refresh_from_db()
    assert page.current_revision.body == "Kollegin"


def test_restore_saves_the_old_content_as_the_newest_version(network, coordinator):
    page = make_page(network, title="Alt", body="Gute alte Fassung", actor=coordinator)
    first = page.current_revision
    services.page_update(
        page=page,
        actor=coordinator,
        title="Neu",
        body="Versehentlich gelöscht",
        visibility="network",
    )

    restored = services.page_restore(revision=first, actor=coordinator)

    page.refresh_from_db()
    assert restored.number == 3 and restored.restored_from == first
    assert (page.title, page.current_revision.body) == ("Alt", "Gute alte Fassung")
    assert "Restored version 1" in restored.comment
    assert Revision.objects.filter(page=page).count() == 3  # nothing was lost
    assert AuditEntry.objects.filter(action="page.restore").count() == 1


def test_restoring_the_current_content_is_refused(network, coordinator):
    page = make_page(network)
    with refused("This version is the same as the current one.", field=None):
        services.page_restore(revision=page.current_revision, actor=coordinator)
    assert page.revisions.count() == 1


def test_a_group_with_pages_cannot_be_deleted_but_its_network_can(network, media_root):
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.db.models import RestrictedError

    group = make_group(network)
    page = make_page(network, group=group)
    services.document_upload(
        network=network, actor=None, upload=SimpleUploadedFile("a.txt", b"x"), group=group
    )
    with pytest.raises(RestrictedError):
        group.delete()  # what the group learned must not vanish with it
    network.delete()
    with scopes_disabled():  # the page would be left without any network
        assert not Page.objects.filter(pk=page.pk).exists()

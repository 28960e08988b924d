"""Helpers that make knowledge-base rows the way the services make them (with revisions)."""

import datetime
import itertools

from knotenpunkt.accounts.tests.factories import UserFactory
from knotenpunkt.knowledge import services
from knotenpunkt.knowledge.models import Visibility
from knotenpunkt.members.models import Person
from knotenpunkt.members.tests.factories import PersonFactory
from knotenpunkt.workinggroups.models import GroupMembership, WorkingGroup

_numbers = itertools.count(1)

PDF_BYTES = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << >>\n%%EOF\n"


def make_group(network, name: str = "") -> WorkingGroup:
    number = next(_numbers)
    return WorkingGroup.objects.create(
        network=network,
        name=name or f"Arbeitsgruppe {number}",
        slug=f"ag-{number}",
        active_from=datetime.date(2020, 1, 1),
    )


def join_group(group, user=None, *, left_on=None):
    """Make `user` (a new one if None) a member of the group through a contact person."""
    user = user or UserFactory()
    person = Person.objects.filter(network=group.network, user=user).first() or PersonFactory(
        network=group.network, user=user, email=user.email
    )
    GroupMembership.objects.create(
        network=group.network,
        group=group,
        person=person,
        joined_on=datetime.date(2021, 1, 1),
        left_on=left_on,
    )
    return user


def make_page(
    network,
    *,
    title: str = "",
    body: str = "Text",
    visibility: str = Visibility.NETWORK,
    group=None,
    actor=None,
    slug: str = "",
):
    return services.page_create(
        network=network,
        actor=actor,
        title=title or f"Seite {next(_numbers)}",
        body=body,
        visibility=visibility,
        group=group,
        slug=slug,
    )


# Makers for the generated cross-network test (knotenpunkt/tests/test_isolation.py) -----------


def isolation_page_path(network) -> str:
    return make_page(network).path


def isolation_page_id(network) -> int:
    return make_page(network).pk


def isolation_revision_id(network) -> int:
    return make_page(network).current_revision_id


def isolation_document_id(network) -> int:
    """A stored document; that test has no media fixture, so its file is removed at exit."""
    import atexit
    from pathlib import Path

    from django.core.files.uploadedfile import SimpleUploadedFile

    document = services.document_upload(
        network=network,
        actor=None,
        upload=SimpleUploadedFile("notiz.txt", b"Nur ein Test.\n"),
    )
    folder = Path(document.file.path).parent
    atexit.register(_remove_with_empty_parents, folder, levels=2)
    return document.pk


def _remove_with_empty_parents(folder, *, levels: int) -> None:
    import contextlib
    import shutil

    shutil.rmtree(folder, ignore_errors=True)
    for parent in list(folder.parents)[:levels]:
        with contextlib.suppress(OSError):  # still holds another test's files
            parent.rmdir()

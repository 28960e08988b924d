"""Pages and document titles are found by the network's search, as far as the reader may see."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from knotenpunkt.core import search
from knotenpunkt.knowledge import services
from knotenpunkt.knowledge.models import Visibility

from .factories import PDF_BYTES, join_group, make_group, make_page

pytestmark = pytest.mark.django_db


def titles(network, user, query):
    viewer = search.viewer_for(user, network)
    page = search.search(network=network, viewer=viewer, query=query, per_page=100)
    return {result.entry.title for result in page.results}


def test_a_page_is_found_by_its_newest_text(network, coordinator):
    page = make_page(network, title="Räume", body="Der Schlüssel liegt in der Hauptstraße.")
    assert titles(network, coordinator, "hauptstrasse") == {"Räume"}
    services.page_update(
        page=page, actor=coordinator, title="Räume", body="Jetzt im Büro.", visibility="network"
    )
    assert titles(network, coordinator, "hauptstrasse") == set()
    assert titles(network, coordinator, "buro") == {"Räume"}


def test_group_internal_pages_and_documents_are_found_only_by_the_group(network, member_contact):
    group = make_group(network)
    make_page(network, title="Gruppennotiz Ayşe", visibility=Visibility.GROUP, group=group)
    services.document_upload(
        network=network,
        actor=None,
        upload=SimpleUploadedFile("x.pdf", PDF_BYTES),
        title="Ayşe Einladung",
        visibility=Visibility.GROUP,
        group=group,
    )
    assert titles(network, member_contact, "ayse") == set()
    join_group(group, member_contact)
    assert titles(network, member_contact, "ayse") == {"Gruppennotiz Ayşe", "Ayşe Einladung"}

"""The wiki through its pages: write, read, history, changes between versions, restore."""

import pytest

from knotenpunkt.accounts.tests.factories import UserFactory, grant_role
from knotenpunkt.knowledge import services
from knotenpunkt.knowledge.models import Page, Visibility

from .factories import join_group, make_group, make_page
from .helpers import page_url, url

pytestmark = pytest.mark.django_db

XSS_BODY = (
    "Hallo\n\n<script>alert('x')</script>\n\n<img src=x onerror=\"alert('y')\">\n\n"
    "[Klick](javascript:alert('z'))\n\n**fett**"
)


def test_the_coordinator_creates_a_page_and_reads_it(coordinator_client, network):
    response = coordinator_client.post(
        url(network, "page_create"),
        {
            "title": "Wie wir Räume buchen",
            "group": "",
            "visibility": "network",
            "body": "## Rathaus\n\nRaum 3 über Frau Şahin.",
            "comment": "aus dem Plenum",
        },
    )
    page = Page.objects.get()
    assert response.status_code == 302
    assert response["Location"] == url(network, "page_detail", page_path="wie-wir-raume-buchen")
    text = coordinator_client.get(response["Location"]).text
    assert "<h2>Rathaus</h2>" in text and "Raum 3 über Frau Şahin." in text
    assert text.count("<h1") == 1
    assert url(network, "page_edit", page_id=page.pk) in text


def test_a_group_member_creates_a_page_of_their_group_only(client, network, member_contact):
    group = make_group(network, "Wohnen")
    join_group(group, member_contact)
    client.force_login(member_contact)
    form = client.get(url(network, "page_create")).text
    assert "Wohnen" in form and "The whole network" not in form
    response = client.post(
        url(network, "page_create"),
        {"title": "Adressen", "group": group.pk, "visibility": "group", "body": "x"},
    )
    page = Page.objects.get()
    assert page.group == group and page.visibility == Visibility.GROUP
    assert response["Location"] == url(network, "page_detail", page_path=f"{group.slug}/adressen")
    assert client.get(response["Location"]).status_code == 200


def test_a_member_in_no_group_may_not_create_pages(client, network, member_contact):
    client.force_login(member_contact)
    assert client.get(url(network, "page_create")).status_code == 403
    assert client.post(url(network, "page_create"), {"title": "x"}).status_code == 403
    assert not Page.objects.exists()


def test_editing_through_the_form_adds_a_version(coordinator_client, network, coordinator):
    page = make_page(network, title="Ablauf", body="Schritt 1")
    edit = url(network, "page_edit", page_id=page.pk)
    form = coordinator_client.get(edit).text
    assert f'name="base_revision" value="{page.current_revision_id}"' in form
    response = coordinator_client.post(
        edit,
        {
            "base_revision": page.current_revision_id,
            "title": "Ablauf",
            "visibility": "network",
            "body": "Schritt 1\nSchritt 2",
            "comment": "Schritt 2 ergänzt",
        },
    )
    assert response.status_code == 302
    page.refresh_from_db()
    assert page.current_revision.number == 2 and page.current_revision.author == coordinator
    history = coordinator_client.get(url(network, "page_history", page_id=page.pk)).text
    assert "Schritt 2 ergänzt" in history and "Version 1" in history and "Version 2" in history


def test_a_concurrent_edit_is_shown_as_an_error_and_nothing_is_saved(coordinator_client, network):
    page = make_page(network, body="Anfang")
    old_base = page.current_revision_id
    services.page_update(
        page=page, actor=None, title=page.title, body="Kollegin", visibility="network"
    )
    response = coordinator_client.post(
        url(network, "page_edit", page_id=page.pk),
        {"base_revision": old_base, "title": page.title, "visibility": "network", "body": "Ich"},
    )
    assert response.status_code == 200
    assert "Someone else saved this page" in response.text
    assert page.revisions.count() == 2


def test_group_internal_is_not_offered_for_network_pages(coordinator_client, network):
    page = make_page(network)
    form = coordinator_client.get(url(network, "page_edit", page_id=page.pk)).text
    assert 'value="group"' not in form
    response = coordinator_client.post(
        url(network, "page_edit", page_id=page.pk),
        {"title": page.title, "visibility": "group", "body": "neu"},
    )
    assert response.status_code == 200 and page.revisions.count() == 1


@pytest.mark.parametrize("where", ["page_detail", "revision_detail"])
def test_script_and_event_handlers_never_reach_the_page(coordinator_client, network, where):
    page = make_page(network, title="<script>alert('t')</script>Titel", body=XSS_BODY)
    address = (
        page_url(page)
        if where == "page_detail"
        else url(network, "revision_detail", revision_id=page.current_revision_id)
    )
    text = coordinator_client.get(address).text
    assert "<strong>fett</strong>" in text  # markdown is rendered …
    assert "<script>alert" not in text  # … but neither the body's nor the title's script
    assert "onerror" not in text
    assert "javascript:" not in text
    assert "&lt;script&gt;alert(&#x27;t&#x27;)&lt;/script&gt;Titel" in text


def test_the_diff_shows_removed_and_added_lines_with_words_not_only_colour(
    coordinator_client, network
):
    page = make_page(network, title="Liste", body="Anna\nBerta\nCem")
    first = page.current_revision
    services.page_update(
        page=page, actor=None, title="Liste", body="Anna\nBerit\nCem\nDilek", visibility="network"
    )
    page.refresh_from_db()
    response = coordinator_client.get(
        url(network, "page_diff", page_id=page.pk),
        {"from": first.pk, "to": page.current_revision_id},
    )
    text = response.text
    assert response.status_code == 200
    assert "<del>Berta</del>" in text
    assert "<ins>Berit</ins>" in text and "<ins>Dilek</ins>" in text
    assert ">removed<" in text and ">added<" in text  # a text label for each change
    assert '<th scope="col">Change</th>' in text
    assert "Changes to the title" not in text  # the title did not change
    # Without parameters the newest version is compared with the one before.
    default = coordinator_client.get(url(network, "page_diff", page_id=page.pk)).text
    assert "From version 1 to version 2." in default and "<del>Berta</del>" in default


def test_the_diff_refuses_a_version_of_another_page(coordinator_client, network):
    page, other = make_page(network), make_page(network)
    response = coordinator_client.get(
        url(network, "page_diff", page_id=page.pk), {"from": other.current_revision_id}
    )
    assert response.status_code == 404


def test_restore_asks_first_and_then_saves_the_old_version_again(coordinator_client, network):
    page = make_page(network, title="Kasse", body="Alte Regel")
    first = page.current_revision
    services.page_update(page=page, actor=None, title="Kasse", body="Falsch", visibility="network")
    restore = url(network, "revision_restore", revision_id=first.pk)
    assert "Restore version 1" in coordinator_client.get(restore).text
    page.refresh_from_db()
    assert page.revisions.count() == 2  # the GET changed nothing

    response = coordinator_client.post(restore)

    assert response.status_code == 302
    page.refresh_from_db()
    assert page.current_revision.number == 3 and page.current_revision.body == "Alte Regel"
    assert "Alte Regel" in coordinator_client.get(page_url(page)).text


def test_readers_who_may_not_edit_cannot_restore(client, network, city_liaison):
    page = make_page(network, body="eins")
    first = page.current_revision
    services.page_update(page=page, actor=None, title=page.title, body="zwei", visibility="network")
    client.force_login(city_liaison)
    assert client.get(url(network, "revision_detail", revision_id=first.pk)).status_code == 200
    assert client.post(url(network, "revision_restore", revision_id=first.pk)).status_code == 403
    page.refresh_from_db()
    assert page.current_revision.body == "zwei"


def test_a_public_page_needs_no_login_and_shows_no_workspace_links(client, network):
    page = make_page(network, title="Über uns", visibility=Visibility.PUBLIC, body="Willkommen")
    response = client.get(url(network, "page_detail", page_path=page.slug, lang="de"))
    assert response.status_code == 200
    assert "Willkommen" in response.text
    assert url(network, "page_history", page_id=page.pk, lang="de") not in response.text


def test_the_list_searches_titles_and_groups_pages(coordinator_client, network):
    group = make_group(network, "Frauen")
    make_page(network, title="Raumliste")
    make_page(network, title="Raumbuchung der Gruppe", group=group)
    make_page(network, title="Satzung")
    response = coordinator_client.get(url(network, "page_list"), {"q": "raum"})
    text = response.text
    assert "Raumliste" in text and "Raumbuchung der Gruppe" in text and "Satzung" not in text
    assert text.index("The whole network") < text.index("Frauen")
    assert (
        "No page has this in its title."
        in coordinator_client.get(url(network, "page_list"), {"q": "nichts"}).text
    )


def test_the_page_list_makes_the_same_number_of_queries_for_many_pages(
    client, network, member_contact, django_assert_max_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    groups = [make_group(network) for _number in range(3)]
    for group in groups:
        join_group(group, member_contact)
    client.force_login(member_contact)
    make_page(network, group=groups[0])
    with CaptureQueriesContext(connection) as few:
        assert client.get(url(network, "page_list")).status_code == 200
    for number in range(30):
        make_page(network, group=groups[number % 3], actor=member_contact)
        make_page(network, visibility=Visibility.PUBLIC)
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(url(network, "page_list"))
    assert response.text.count('<p class="item-title">') >= 61


def test_workspace_pages_send_anonymous_visitors_to_log_in(client, network):
    page = make_page(network, visibility=Visibility.PUBLIC)
    for name, kwargs in [
        ("page_list", {}),
        ("page_create", {}),
        ("page_history", {"page_id": page.pk}),
        ("page_edit", {"page_id": page.pk}),
        ("document_list", {}),
        ("document_upload", {}),
    ]:
        response = client.get(url(network, name, **kwargs))
        assert response.status_code == 302 and "/accounts/login/" in response["Location"], name


def test_pages_of_another_network_are_404(coordinator_client, network, other_network):
    foreign = make_page(other_network, title="Fremd", visibility=Visibility.PUBLIC)
    assert (
        coordinator_client.get(url(network, "page_detail", page_path=foreign.slug)).status_code
        == 404
    )
    for name in ("page_edit", "page_history", "page_diff"):
        assert coordinator_client.get(url(network, name, page_id=foreign.pk)).status_code == 404
    revision = foreign.current_revision_id
    assert (
        coordinator_client.post(url(network, "revision_restore", revision_id=revision)).status_code
        == 404
    )


def test_the_history_makes_the_same_number_of_queries_for_many_versions(
    coordinator_client, network, coordinator, django_assert_max_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    second = grant_role(UserFactory(), network, "coordinator").user
    page = make_page(network, body="0", actor=coordinator)
    history = url(network, "page_history", page_id=page.pk)

    def save(count):
        for number in range(count):
            services.page_update(
                page=page,
                actor=(coordinator, second)[number % 2],
                title=page.title,
                body=f"{page.revisions.count()}",
                visibility="network",
            )
        if count:
            services.page_restore(revision=page.revisions.last(), actor=coordinator)

    save(1)
    with CaptureQueriesContext(connection) as few:
        assert coordinator_client.get(history).status_code == 200
    save(30)
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = coordinator_client.get(history)
    assert "Version 33" in response.text

"""Who reads and who edits which page: the visibility matrix, walked through the real views.

A page someone may not see answers 404, exactly like a page that does not exist.
"""

import pytest

from knotenpunkt.accounts.tests.factories import UserFactory, grant_role
from knotenpunkt.knowledge.models import Visibility

from .factories import join_group, make_group, make_page
from .helpers import page_url, url

pytestmark = pytest.mark.django_db

READERS = ["anonymous", "member", "group_member", "coordinator", "city_liaison", "outsider"]

# (visibility, is a group page) → readers who get the page; everyone else gets a 404.
SEES = {
    (Visibility.PUBLIC, False): set(READERS),
    (Visibility.PUBLIC, True): set(READERS),
    (Visibility.NETWORK, False): {"member", "group_member", "coordinator", "city_liaison"},
    (Visibility.NETWORK, True): {"member", "group_member", "coordinator", "city_liaison"},
    (Visibility.GROUP, True): {"group_member", "coordinator", "city_liaison"},
}
# Is a group page → readers who may edit it.
EDITS = {False: {"coordinator"}, True: {"coordinator", "group_member"}}


@pytest.fixture
def group(network):
    return make_group(network, "Gesundheit")


@pytest.fixture
def login_as(client, network, other_network, group):
    """Log the client in as one kind of reader."""

    def login(reader):
        if reader == "anonymous":
            return client
        user = UserFactory()
        if reader == "outsider":  # a coordinator, but of another network
            grant_role(user, other_network, "coordinator")
        elif reader == "group_member":
            grant_role(user, network, "member_contact")
            join_group(group, user)
        else:
            grant_role(user, network, "member_contact" if reader == "member" else reader)
        client.force_login(user)
        return client

    return login


CASES = [
    pytest.param(
        visibility, in_group, reader, id=f"{visibility}-{'group' if in_group else 'net'}-{reader}"
    )
    for (visibility, in_group) in SEES
    for reader in READERS
]


@pytest.mark.parametrize(("visibility", "in_group", "reader"), CASES)
def test_reading_a_page(login_as, network, group, visibility, in_group, reader):
    page = make_page(
        network,
        title="Hinweise",
        body="Geheimnis 42",
        visibility=visibility,
        group=group if in_group else None,
    )
    client = login_as(reader)
    response = client.get(page_url(page))
    if reader in SEES[(visibility, in_group)]:
        assert response.status_code == 200
        assert "Geheimnis 42" in response.text
    else:
        assert response.status_code == 404
        assert "Geheimnis 42" not in response.text


@pytest.mark.parametrize(("visibility", "in_group", "reader"), CASES)
def test_editing_a_page(login_as, network, group, visibility, in_group, reader):
    page = make_page(network, visibility=visibility, group=group if in_group else None)
    client = login_as(reader)
    response = client.get(url(network, "page_edit", page_id=page.pk))
    if reader == "anonymous":
        assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    elif reader == "outsider":  # the workspace needs a role here; nothing more is revealed
        assert response.status_code == 403
    elif reader not in SEES[(visibility, in_group)]:
        assert response.status_code == 404
    elif reader in EDITS[in_group]:
        assert response.status_code == 200
    else:
        assert response.status_code == 403


def test_a_former_group_member_reads_no_more_group_pages(client, network, group):
    user = join_group(group, left_on="2024-01-01")
    page = make_page(network, visibility=Visibility.GROUP, group=group)
    client.force_login(user)
    assert client.get(page_url(page)).status_code == 404


def test_a_group_member_edits_only_pages_of_their_own_group(client, network, group):
    user = join_group(group)
    grant_role(user, network, "member_contact")
    other = make_page(network, visibility=Visibility.NETWORK, group=make_group(network))
    client.force_login(user)
    read = client.get(page_url(other))
    assert read.status_code == 200 and other.title in read.text
    assert client.get(url(network, "page_edit", page_id=other.pk)).status_code == 403


def test_the_list_shows_only_what_the_reader_may_see(client, network, group, member_contact):
    make_page(network, title="Öffentlich", visibility=Visibility.PUBLIC)
    make_page(network, title="Intern", visibility=Visibility.NETWORK)
    make_page(network, title="Nur Gruppe", visibility=Visibility.GROUP, group=group)
    client.force_login(member_contact)
    text = client.get(url(network, "page_list")).text
    assert "Öffentlich" in text and "Intern" in text
    assert "Nur Gruppe" not in text and "Gesundheit" not in text
    join_group(group, member_contact)
    text = client.get(url(network, "page_list")).text
    assert "Nur Gruppe" in text and "Gesundheit" in text

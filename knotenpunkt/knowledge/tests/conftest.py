import pytest
from django.utils import translation


@pytest.fixture(autouse=True)
def _english():
    """Assertions read the English msgids, whatever catalogues are compiled."""
    with translation.override("en"):
        yield


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    """Uploaded documents go to a directory of this test only."""
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def member_contact(network):
    """A user with the member-contact role who belongs to no working group."""
    from knotenpunkt.accounts.tests.factories import UserFactory, grant_role

    user = UserFactory(email="member@example.org")
    grant_role(user, network, "member_contact")
    return user

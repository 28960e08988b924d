import pytest

# The English msgids for assertions, and counting a page's queries, as on the member pages.
from knotenpunkt.members.tests.conftest import _english, count_queries  # noqa: F401


@pytest.fixture
def member_contact(network):
    """A member contact of `network` who leads no group."""
    from knotenpunkt.accounts.tests.factories import UserFactory, grant_role

    user = UserFactory(email="member@example.org")
    grant_role(user, network, "member_contact")
    return user

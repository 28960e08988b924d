"""The role × action table of permissions.py, walked cell by cell."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied

from knotenpunkt.accounts.models import Role
from knotenpunkt.accounts.permissions import PERMISSIONS, can, require
from knotenpunkt.accounts.tests.factories import UserFactory, grant_role

pytestmark = pytest.mark.django_db

CELLS = [(action, role) for action in sorted(PERMISSIONS) for role in Role.values]


@pytest.mark.parametrize(("action", "role"), CELLS)
def test_a_role_grants_an_action_exactly_when_the_table_lists_it(
    network, other_network, action, role
):
    user = UserFactory()
    grant_role(user, network, role)
    assert can(user, network, action) is (role in PERMISSIONS[action])
    # A role is held in one network only.
    assert can(user, other_network, action) is False


@pytest.mark.parametrize("action", sorted(PERMISSIONS))
def test_anonymous_visitors_may_do_nothing(network, action):
    assert can(AnonymousUser(), network, action) is False


@pytest.mark.parametrize("action", sorted(PERMISSIONS))
def test_the_coordinator_runs_everything(action):
    # DESIGN.md §5: the coordinator runs everything; a new action must include them.
    assert Role.COORDINATOR in PERMISSIONS[action]


def test_only_coordinators_manage_roles_and_member_contacts_see_no_internal_list():
    assert PERMISSIONS["roles.manage"] == {Role.COORDINATOR}
    assert Role.MEMBER_CONTACT not in PERMISSIONS["members.view_internal"]


def test_require_refuses_with_403_and_unknown_actions_are_a_programming_error(network):
    user = UserFactory()
    grant_role(user, network, Role.MEMBER_CONTACT)
    require(user, network, "workspace.view")
    with pytest.raises(PermissionDenied):
        require(user, network, "members.manage")
    with pytest.raises(KeyError):
        can(user, network, "members.teleport")

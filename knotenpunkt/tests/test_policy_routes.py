"""Every route answers as the permission policy says: role × route × method, generated.

The routes come from the URL conf (every page under /<lang>/<network>/, /accounts/ and the
feeds), so a new view is covered without anyone remembering, and a view that declares no
action (core/policy.py: requires, public, signed_in) fails the test. Each visitor asks every
route by GET and by an empty POST; the answer must match the declaration:

- anonymous visitors are sent to log in wherever a login is needed;
- a denied visitor gets 403 (or 404 where the object is hidden from them);
- an allowed visitor never gets 403 or the login page;
- nobody ever gets a server error.

Each request runs in a savepoint that is rolled back, so one object set serves every route.
"""

import copy

import pytest
from django.db import transaction
from django.http import Http404
from django.test import RequestFactory
from django.urls import path, reverse
from django_scopes import scope, scopes_disabled

from knotenpunkt.accounts.tests.factories import UserFactory, grant_role
from knotenpunkt.core import policy
from knotenpunkt.meetings.models import Meeting
from knotenpunkt.members.models import Organisation, Person
from knotenpunkt.members.tests.factories import ContactPositionFactory, PersonFactory
from knotenpunkt.workinggroups.models import GroupMembership, WorkingGroup

from .objects import OBJECT_MAKERS
from .routes import Route, routes

pytestmark = pytest.mark.django_db

VISITORS = [
    "anonymous",
    "coordinator",
    "city_liaison",
    "member_contact",
    "group_lead",
    "no_role",
    "other_coordinator",
]
# Keywords of the pages outside a network, which name no object of the network.
OTHER_VALUES = {"network_slug": None, "token": "no-such-token", "uidb64": "MQ"}


def undeclared(found: list[Route]) -> list[str]:
    return [route.name for route in found if policy.declaration_of(route.callback) is None]


# The visitors and the objects ------------------------------------------------------------


def _visitor(kind, network, other_network):
    if kind == "anonymous":
        return None
    user = UserFactory()
    if kind == "other_coordinator":
        grant_role(user, other_network, "coordinator")
    elif kind in ("coordinator", "city_liaison"):
        grant_role(user, network, kind)
    elif kind in ("member_contact", "group_lead"):
        grant_role(user, network, "member_contact")
    return user


def _make_objects(network) -> dict[str, object]:
    values = {key: make(network) for key, make in OBJECT_MAKERS.items()}
    values["period"] = "2030-01"
    return values


def _give_standing(kind, user, network):
    """The member contact speaks for every organisation, the lead leads every group (and so
    every meeting), so that the object rules are walked on their granting side as well."""
    if kind not in ("member_contact", "group_lead"):
        return
    person = PersonFactory(network=network, user=user, email=user.email)
    if kind == "member_contact":
        for organisation in Organisation.objects.filter(network=network):
            ContactPositionFactory(organisation=organisation, person=person)
    else:
        for group in WorkingGroup.objects.filter(network=network):
            GroupMembership.objects.create(
                network=network, group=group, person=person, is_lead=True, joined_on="2020-01-01"
            )
        # Every meeting belongs to a group they lead, so the meeting pages are theirs to run.
        Meeting.objects.filter(network=network, group=None).update(group=group)
    assert Person.objects.filter(user=user).exists()


def _url(route: Route, network, values) -> str:
    kwargs = {}
    for keyword in route.keywords:
        if keyword in OTHER_VALUES:
            kwargs[keyword] = OTHER_VALUES[keyword] or network.slug
        else:
            kwargs[keyword] = values[keyword]
    if route.in_network:
        kwargs.update(lang="de", network=network.slug)
    return reverse(route.name, kwargs=kwargs)


# What the policy says ----------------------------------------------------------------------


def _expected(declaration, user, network, method, url_kwargs) -> str:
    """ "login", "denied", "hidden" (a 404 from the loader) or "allowed"."""
    if declaration.action is None:
        return "login" if declaration.login and user is None else "allowed"
    if user is None:
        return "login"
    action = declaration.action_for(method)
    if not policy.roles_of(user, network):
        return "denied"
    obj = None
    if declaration.loader is not None:
        request = RequestFactory().get("/")
        request.user, request.network = user, network
        try:
            with scope(network=network):
                obj = declaration.loader(request, **url_kwargs)
        except Http404:
            return "hidden"
    with scope(network=network):
        return "allowed" if policy.can(user, network, action, obj) else "denied"


def _is_login(response) -> bool:
    return response.status_code == 302 and "/accounts/login/" in response.get("Location", "")


def _mismatch(expected: str, response) -> bool:
    status = response.status_code
    if status >= 500:
        return True
    if status == 405:  # the method is refused before anyone is asked
        return False
    if expected == "login":
        return not _is_login(response)
    if expected == "denied":
        return status != 403
    if expected == "hidden":
        return status != 404
    return status == 403 or _is_login(response)


def _walk(client, kind, user, network, values) -> list[str]:
    problems = []
    for route in routes():
        declaration = policy.declaration_of(route.callback)
        url = _url(route, network, values)
        url_kwargs = {k: v for k, v in values.items() if k in route.keywords}
        for method in ("GET", "POST"):
            with scopes_disabled():
                expected = _expected(declaration, user, network, method, url_kwargs)
            savepoint, cookies = transaction.savepoint(), copy.deepcopy(client.cookies)
            try:
                response = client.generic(method, url)
            finally:
                # Undo what the request wrote, logging out included.
                transaction.savepoint_rollback(savepoint)
                client.cookies = cookies
            if _mismatch(expected, response):
                problems.append(f"{kind} {method} {url}: {expected}, got {response.status_code}")
    return problems


@pytest.mark.parametrize("kind", VISITORS)
def test_every_route_answers_as_the_policy_says(client, network, other_network, kind):
    # Set-up looks into both networks: the visitor of another network needs a role there.
    with scopes_disabled():
        user = _visitor(kind, network, other_network)
        values = _make_objects(network)
        _give_standing(kind, user, network)
    if user is not None:
        client.force_login(user)
    problems = _walk(client, kind, user, network, values)
    assert not problems, "\n".join(problems)


def test_every_walked_route_declares_its_action():
    found = routes()
    assert {"knowledge:page_list", "accounts:export", "eventcalendar_feeds:ics"} <= {
        route.name for route in found
    }
    assert undeclared(found) == []
    for route in found:
        declaration = policy.declaration_of(route.callback)
        for action in (declaration.action, declaration.post):
            if action is not None:
                policy.action_named(action)  # an unknown action is a programming error


def test_a_route_without_a_declaration_is_detected():
    def forgotten(request):
        raise AssertionError("never called")

    patterns = [path("accounts/forgotten/", forgotten, name="forgotten")]
    assert undeclared(routes(patterns)) == ["forgotten"]

"""The policy's own rules, independent of any app's actions (core/policy.py)."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied
from django.test import RequestFactory

from knotenpunkt.core import policy


def test_an_action_declared_twice_differently_is_a_programming_error():
    policy.declare("test.twice", roles={"coordinator"})
    policy.declare("test.twice", roles={"coordinator"})  # the same again is harmless
    with pytest.raises(ValueError):
        policy.declare("test.twice", roles={"coordinator", "city_liaison"})


def test_an_unknown_action_raises_rather_than_refusing():
    with pytest.raises(policy.UnknownAction):
        policy.can(AnonymousUser(), None, "test.never_declared")


def test_the_system_acts_without_an_actor_and_a_visitor_without_a_role_is_refused():
    policy.declare("test.system", roles={"coordinator"})
    policy.require_actor(None, None, "test.system")
    with pytest.raises(PermissionDenied):
        policy.require_actor(AnonymousUser(), None, "test.system")


def test_a_declared_view_sends_anonymous_visitors_to_log_in_before_loading_anything():
    policy.declare("test.view", roles={"coordinator"})
    loaded = []

    @policy.requires("test.view", obj=lambda request, **kwargs: loaded.append(kwargs))
    def view(request, obj, **kwargs):
        raise AssertionError("never reached")

    request = RequestFactory().get("/de/x/page/1/")
    request.user, request.network = AnonymousUser(), None
    response = view(request, page_id=1)
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    assert loaded == []
    assert policy.declaration_of(view).action == "test.view"

"""Fixtures of the accounts tests."""

import re

import pytest
from django.test import Client
from django_scopes import scope


class ProductionScopeClient(Client):
    """Runs each request with scopes enabled as in production.

    The project-wide autouse fixture disables scopes for test set-up; pages under
    /accounts/ have no network scope of their own, so without this a missing
    `scopes_disabled()` in a view would pass the tests and fail in production.
    """

    def request(self, **request):
        with scope():
            return super().request(**request)


@pytest.fixture
def client():
    return ProductionScopeClient()


@pytest.fixture
def link_path():
    """The path of the first link to this site in a mail body."""

    def find(body: str, prefix: str = "/accounts/") -> str:
        match = re.search(r"https?://[^/\s]+(" + re.escape(prefix) + r"\S+)", body)
        assert match, f"no link to {prefix} in:\n{body}"
        return match.group(1)

    return find

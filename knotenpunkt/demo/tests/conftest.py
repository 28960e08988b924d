"""The demo, loaded once per test through its management command."""

import io

import pytest
from django.core.management import call_command
from django_scopes import scope, scopes_disabled

from knotenpunkt.core.models import Network


def load() -> str:
    out = io.StringIO()
    call_command("demo_load", stdout=out)
    return out.getvalue()


@pytest.fixture
def demo(db, settings):
    settings.DEBUG = True
    # argon2 is deliberately slow; the logins work the same with a fast hasher.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    return load()


@pytest.fixture
def musterstadt(demo):
    """The demo's main network; the test runs inside its scope."""
    musterstadt = Network.objects.get(slug="musterstadt")
    with scope(network=musterstadt):
        yield musterstadt


def remove_meetings_and_groups() -> None:
    """What a demo loaded before the working groups existed looks like (PROTECT-safe order)."""
    from knotenpunkt.core.models import SearchEntry
    from knotenpunkt.knowledge.models import Page
    from knotenpunkt.meetings.models import Meeting
    from knotenpunkt.workinggroups.models import WorkingGroup

    with scopes_disabled():  # the demo of every network
        Page.objects.all().delete()
        Meeting.objects.all().delete()
        WorkingGroup.objects.all().delete()
        SearchEntry.objects.all().delete()

"""Fixtures shared by every app's tests and the browser tests."""

import datetime
import os

import pytest
from django_scopes import scope, scopes_disabled

from knotenpunkt.accounts.tests.factories import UserFactory, grant_role
from knotenpunkt.core.tests.factories import NetworkFactory


def _looks_across_networks(request) -> bool:
    """Whether the test says it looks across networks: `@pytest.mark.cross_network("why")`."""
    marker = request.node.get_closest_marker("cross_network")
    if marker is None:
        return False
    if not (marker.args and str(marker.args[0]).strip()):
        pytest.fail("@pytest.mark.cross_network needs the reason as its argument")
    return True


@pytest.fixture(autouse=True)
def _scopes_on_unless_the_test_looks_across_networks(request):
    """Scopes are on in tests as in production: a query of a network's data needs its scope.

    The `network` fixture enters its scope for the test; a test that reads another network's
    data enters that one itself (`with scope(network=...)`). Only a test marked
    `cross_network`, with its reason, queries without a scope.
    """
    if _looks_across_networks(request):
        with scopes_disabled():
            yield
    else:
        yield


_RUN_CLOCK = pytest.StashKey()


def pytest_addoption(parser):
    from knotenpunkt.core.testing import NAMED_MOMENTS

    names = ", ".join(NAMED_MOMENTS)
    parser.addoption(
        "--now",
        metavar="MOMENT",
        help=(
            "run every test with the clock moved to MOMENT: an ISO date and time, read in the "
            f"network's zone (Europe/Berlin) unless it has an offset, or one of {names}"
        ),
    )


def pytest_configure(config):
    if value := config.getoption("--now"):
        from knotenpunkt.core.testing import clock_for_the_run, moment

        try:
            moment(value)
        except ValueError:
            raise pytest.UsageError(
                f"--now={value}: not a named moment nor an ISO date and time"
            ) from None
        config.stash[_RUN_CLOCK] = clock_for_the_run(value)


def pytest_runtest_call(item):
    """Processes a test starts see the run's clock where it stands now, not where it started."""
    if item.config.stash.get(_RUN_CLOCK, None):
        from knotenpunkt.core.testing import TEST_NOW_VARIABLE

        os.environ[TEST_NOW_VARIABLE] = datetime.datetime.now(datetime.UTC).isoformat()


def pytest_unconfigure(config):
    if traveller := config.stash.get(_RUN_CLOCK, None):
        traveller.stop()


def pytest_report_header(config):
    if value := config.getoption("--now"):
        from knotenpunkt.core.testing import moment

        return f"clock moved to {moment(value).isoformat()} (--now={value})"
    return None


@pytest.fixture
def clock(time_machine, monkeypatch):
    """The test's "now", standing still at the run's moment until the test moves it.

    `clock.move_to("2026-03-29T01:30")` (the network's zone), `clock.shift(days=1)`,
    `clock.today()`. Every test that involves "now" uses it (docs/decisions/0012).
    """
    from knotenpunkt.core.testing import Clock

    return Clock(time_machine, monkeypatch)


@pytest.fixture(autouse=True)
def _media_in_a_temporary_folder(settings, tmp_path_factory):
    """Uploaded files of a test never land in the checkout's var/media."""
    settings.MEDIA_ROOT = tmp_path_factory.mktemp("media")


@pytest.fixture
def network(db, request):
    """Netzwerk Musterstadt; the test runs inside its scope (unless it looks across networks)."""
    network = NetworkFactory(slug="musterstadt", name="Netzwerk Musterstadt", city="Musterstadt")
    if _looks_across_networks(request):
        yield network
    else:
        with scope(network=network):
            yield network


@pytest.fixture
def other_network(db):
    return NetworkFactory(
        slug="beispielhausen", name="Netzwerk Beispielhausen", city="Beispielhausen"
    )


@pytest.fixture
def coordinator(network):
    user = UserFactory(email="coordinator@example.org")
    grant_role(user, network, "coordinator")
    return user


@pytest.fixture
def city_liaison(network):
    user = UserFactory(email="city@example.org")
    grant_role(user, network, "city_liaison")
    return user


@pytest.fixture
def coordinator_client(client, coordinator):
    client.force_login(coordinator)
    return client


@pytest.fixture
def mailbox(settings):
    """A real SMTP server on localhost; the settings point Django's mail at it."""
    from knotenpunkt.core.testing import start_smtp_server

    controller, sink = start_smtp_server()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = controller.port
    settings.EMAIL_USE_TLS = False
    settings.EMAIL_USE_SSL = False
    settings.EMAIL_HOST_USER = ""
    settings.EMAIL_HOST_PASSWORD = ""
    yield sink
    controller.stop()


@pytest.fixture
def run_tasks():
    """Call to let the task worker run everything that is queued (after on_commit fired)."""
    from knotenpunkt.core.testing import run_queued_tasks

    return run_queued_tasks

"""Fixtures shared by every app's tests and the browser tests."""

import pytest
from django_scopes import scopes_disabled

from knotenpunkt.accounts.tests.factories import UserFactory, grant_role
from knotenpunkt.core.tests.factories import NetworkFactory


@pytest.fixture(autouse=True)
def _scopes_off_in_test_code():
    """Test set-up may query freely; requests still run inside their network's scope."""
    with scopes_disabled():
        yield


@pytest.fixture(autouse=True)
def _media_in_a_temporary_folder(settings, tmp_path_factory):
    """Uploaded files of a test never land in the checkout's var/media."""
    settings.MEDIA_ROOT = tmp_path_factory.mktemp("media")


@pytest.fixture
def network(db):
    return NetworkFactory(slug="musterstadt", name="Netzwerk Musterstadt", city="Musterstadt")


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

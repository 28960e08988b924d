"""Browser-test harness: headless Chromium against pytest-django's live server.

Chromium comes from KNOTENPUNKT_CHROMIUM, else Debian's /usr/bin/chromium, else the
browser Playwright installed itself. Every test here is marked `browser`.
"""

import os
from pathlib import Path

import pytest
from playwright.sync_api import sync_playwright

# The helpers live in helpers.py (importable by tests); re-exported here for convenience.
from .helpers import assert_accessible, assert_no_horizontal_scroll, login  # noqa: F401

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]
DEBIAN_CHROMIUM = Path("/usr/bin/chromium")


def chromium_executable() -> str | None:
    """The Chromium to launch; None lets Playwright use its own download."""
    configured = os.environ.get("KNOTENPUNKT_CHROMIUM", "").strip()
    if configured:
        return configured
    return str(DEBIAN_CHROMIUM) if DEBIAN_CHROMIUM.exists() else None


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(config, items):
    """Mark everything under e2e/ `browser`, and run it after all other tests.

    The browser (and the async-unsafe permission it needs) lives until the session ends;
    no other test may run in that state. pytest-django sorts tests by database use first;
    this runs after it and keeps that order within each group.
    """
    here = Path(__file__).parent
    in_browser = [item for item in items if here in Path(str(item.path)).parents]
    for item in in_browser:
        item.add_marker(pytest.mark.browser)
    marked = set(in_browser)
    items[:] = [item for item in items if item not in marked] + in_browser


@pytest.fixture(scope="session")
def browser():
    executable = chromium_executable()
    options = {"executable_path": executable} if executable else {}
    with pytest.MonkeyPatch.context() as patch, sync_playwright() as playwright:
        # Playwright's sync API keeps an event loop running in this thread, and Django
        # refuses ORM calls (fixtures, assertions) from a thread with a running loop unless
        # told it is safe; it is, the loop only drives the browser. Only while the browser
        # runs: set for the whole process, `check --deploy` in a subprocess would fail.
        patch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
        browser = playwright.chromium.launch(headless=True, args=CHROMIUM_ARGS, **options)
        yield browser
        browser.close()


@pytest.fixture
def base_url(live_server) -> str:
    return live_server.url


@pytest.fixture
def page(browser, base_url):
    """A fresh browser context (no cookies) per test; relative URLs go to the live server."""
    context = browser.new_context(
        base_url=base_url, locale="de-DE", viewport={"width": 1280, "height": 800}
    )
    context.set_default_timeout(10_000)
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def demo(transactional_db, settings):
    """The demo networks (as `make run` shows them), with a fast hasher for the demo logins."""
    from knotenpunkt.demo.loader import demo_load

    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    demo_load()


@pytest.fixture
def musterstadt(demo):
    """The demo's main network; the test runs inside its scope."""
    from django_scopes import scope

    from knotenpunkt.core.models import Network

    musterstadt = Network.objects.get(slug="musterstadt")
    with scope(network=musterstadt):
        yield musterstadt

"""Fetching iCal addresses: only http(s), never into private networks, bounded in time and size."""

import contextlib
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.utils import translation

from knotenpunkt.eventcalendar import fetch
from knotenpunkt.eventcalendar.fetch import FetchError, fetch_ical

BODY = b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n"


@pytest.fixture(autouse=True)
def _english():
    with translation.override("en"):
        yield


class Handler(BaseHTTPRequestHandler):
    def log_message(self, *args):  # keep the test output quiet
        pass

    def do_GET(self):  # noqa: N802 (http.server's hook name)
        if self.path == "/slow.ics":
            time.sleep(3)
        if self.path.startswith("/redirect"):
            self.send_response(302)
            self.send_header("Location", self.path.split("to=", 1)[1])
            self.end_headers()
            return
        if self.path == "/missing.ics":
            self.send_response(404)
            self.end_headers()
            return
        body = BODY * 100 if self.path == "/big.ics" else BODY
        self.send_response(200)
        self.send_header("Content-Type", "text/calendar")
        if self.path != "/big.ics":  # the big one streams without announcing its size
            # "²" passes str.isdigit() but is no number: a hostile server's announcement.
            size = "²" if self.path == "/superscript.ics" else str(len(body))
            self.send_header("Content-Length", size)
        self.end_headers()
        # The client may stop reading at its size limit.
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):
            self.wfile.write(body)


@pytest.fixture
def server():
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture
def allowed(settings):
    settings.KNOTENPUNKT_ICAL_ALLOW_PRIVATE_ADDRESSES = True
    return settings


def test_a_local_server_is_fetched_when_the_operator_allows_it(server, allowed):
    assert fetch_ical(f"{server}/calendar.ics") == BODY


def test_loopback_is_refused_by_default(server):
    with pytest.raises(FetchError) as caught:
        fetch_ical(f"{server}/calendar.ics")

    assert caught.value.message == (
        "This address points into a private network and cannot be imported."
    )


@pytest.mark.parametrize(
    "url",
    [
        "http://10.1.2.3/cal.ics",
        "http://192.168.0.1/cal.ics",
        "http://169.254.169.254/latest/meta-data",
        "http://[::1]/cal.ics",
        "http://[fd00::1]/cal.ics",
        "http://224.0.0.1/cal.ics",
        "http://0.0.0.0/cal.ics",
        "http://240.0.0.1/cal.ics",
        "http://[::ffff:127.0.0.1]/cal.ics",
    ],
)
def test_private_link_local_multicast_and_reserved_addresses_are_refused(url):
    with pytest.raises(FetchError, match="private network"):
        fetch_ical(url)


@pytest.mark.parametrize(
    "url", ["file:///etc/passwd", "ftp://example.org/cal.ics", "webcal://example.org/cal.ics"]
)
def test_only_http_and_https_are_fetched(url, allowed):
    with pytest.raises(FetchError) as caught:
        fetch_ical(url)

    assert caught.value.message == "Only http and https addresses can be imported."


def test_redirects_are_followed_and_checked_again(server, allowed):
    assert fetch_ical(f"{server}/redirect?to=/calendar.ics") == BODY

    with pytest.raises(FetchError, match="Only http and https"):
        fetch_ical(f"{server}/redirect?to=file:///etc/passwd")


def test_a_redirect_into_a_private_network_is_not_followed(server, monkeypatch):
    # Stand-in for a public server: only the test server's own address counts as public here.
    monkeypatch.setattr(fetch, "_allowed", lambda address: address == "127.0.0.1")

    with pytest.raises(FetchError, match="private network"):
        fetch_ical(f"{server}/redirect?to=http://10.1.2.3/cal.ics")


def test_the_size_limit_stops_a_stream(server, allowed):
    allowed.KNOTENPUNKT_ICAL_MAX_BYTES = 1000

    with pytest.raises(FetchError) as caught:
        fetch_ical(f"{server}/big.ics")

    assert caught.value.message == "The calendar is larger than 1000 bytes."


def test_a_size_that_is_no_number_is_ignored_and_the_limit_still_counts(server, allowed):
    assert fetch_ical(f"{server}/superscript.ics") == BODY


def test_a_slow_server_runs_into_the_timeout(server, allowed):
    allowed.KNOTENPUNKT_ICAL_TIMEOUT_SECONDS = 1
    started = time.monotonic()

    with pytest.raises(FetchError) as caught:
        fetch_ical(f"{server}/slow.ics")

    assert caught.value.message == "The calendar server took too long to answer."
    assert time.monotonic() - started < 2.5


def test_an_http_error_is_reported(server, allowed):
    with pytest.raises(FetchError) as caught:
        fetch_ical(f"{server}/missing.ics")

    assert caught.value.message == "The calendar server answered with HTTP status 404."

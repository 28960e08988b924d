"""Fetching a member's iCal address without letting it reach into our own network.

Only http(s); the host is resolved once and every address is checked (no loopback, private,
link-local, multicast or reserved targets unless the operator allows them); the connection goes to
the checked address, so a second DNS answer cannot swap it. Redirects are followed by hand and
checked the same way. Time and size are bounded while streaming.
"""

import http.client
import ipaddress
import socket
import ssl
import time
from urllib.parse import urljoin, urlsplit

from django.conf import settings
from django.utils.translation import gettext as _

from knotenpunkt.core.errors import DomainError
from knotenpunkt.core.params import parse_int

MAX_REDIRECTS = 3
CHUNK = 64 * 1024


class FetchError(DomainError):
    """The calendar could not be fetched; the message says why in the user's words."""


def _allowed(address: str) -> bool:
    if settings.KNOTENPUNKT_ICAL_ALLOW_PRIVATE_ADDRESSES:
        return True
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped:
        ip = ip.ipv4_mapped
    return ip.is_global and not (ip.is_multicast or ip.is_reserved or ip.is_unspecified)


def _target(url: str) -> tuple[str, str, int, str]:
    """(scheme, host, port, checked address) of a URL we may connect to, or FetchError."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https"):
        raise FetchError(_("Only http and https addresses can be imported."), field="url")
    host = parts.hostname
    if not host:
        raise FetchError(_("The address has no host name."), field="url")
    try:
        port = parts.port or (443 if parts.scheme == "https" else 80)
    except ValueError as error:
        raise FetchError(_("The address is not valid."), field="url") from error
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as error:
        raise FetchError(_("The host name could not be found."), field="url") from error
    addresses = [info[4][0] for info in infos]
    if not addresses or not all(_allowed(address) for address in addresses):
        raise FetchError(
            _("This address points into a private network and cannot be imported."), field="url"
        )
    return parts.scheme, host, port, addresses[0]


class _PinnedHTTPConnection(http.client.HTTPConnection):
    """Connects to the address we checked, whatever the name resolves to now."""

    def __init__(self, host, port, *, address, timeout):
        super().__init__(host, port, timeout=timeout)
        self._address = address

    def connect(self):
        self.sock = socket.create_connection((self._address, self.port), self.timeout)


class _PinnedHTTPSConnection(http.client.HTTPSConnection):
    def __init__(self, host, port, *, address, timeout):
        super().__init__(host, port, timeout=timeout, context=ssl.create_default_context())
        self._address = address

    def connect(self):
        sock = socket.create_connection((self._address, self.port), self.timeout)
        self.sock = self._context.wrap_socket(sock, server_hostname=self.host)


def _read_limited(response, *, deadline: float, max_bytes: int) -> bytes:
    # A hostile server may send "²" (isdigit, yet no int) or any other header text.
    length = parse_int(response.getheader("Content-Length"), min_value=0, max_value=2**63)
    if length is not None and length > max_bytes:
        raise FetchError(_("The calendar is larger than %(max)s bytes.") % {"max": max_bytes})
    chunks, size = [], 0
    while True:
        if time.monotonic() > deadline:
            raise FetchError(_("The calendar server took too long to answer."))
        chunk = response.read1(CHUNK) if hasattr(response, "read1") else response.read(CHUNK)
        if not chunk:
            return b"".join(chunks)
        size += len(chunk)
        if size > max_bytes:
            raise FetchError(_("The calendar is larger than %(max)s bytes.") % {"max": max_bytes})
        chunks.append(chunk)


def fetch_ical(url: str) -> bytes:
    """The body of an iCal address, or FetchError (refused address, timeout, size, HTTP error)."""
    timeout = settings.KNOTENPUNKT_ICAL_TIMEOUT_SECONDS
    max_bytes = settings.KNOTENPUNKT_ICAL_MAX_BYTES
    deadline = time.monotonic() + timeout
    for _hop in range(MAX_REDIRECTS + 1):
        scheme, host, port, address = _target(url)
        parts = urlsplit(url)
        path = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
        connection_class = _PinnedHTTPSConnection if scheme == "https" else _PinnedHTTPConnection
        connection = connection_class(host, port, address=address, timeout=timeout)
        try:
            connection.request(
                "GET",
                path,
                headers={"Accept": "text/calendar, */*;q=0.5", "User-Agent": "Knotenpunkt"},
            )
            response = connection.getresponse()
            if response.status in (301, 302, 303, 307, 308):
                location = response.getheader("Location")
                if not location:
                    raise FetchError(_("The calendar server sent a redirect without an address."))
                url = urljoin(url, location)
                continue
            if response.status != 200:
                raise FetchError(
                    _("The calendar server answered with HTTP status %(status)s.")
                    % {"status": response.status}
                )
            return _read_limited(response, deadline=deadline, max_bytes=max_bytes)
        except TimeoutError as error:
            raise FetchError(_("The calendar server took too long to answer.")) from error
        except (OSError, http.client.HTTPException) as error:
            raise FetchError(
                _("The calendar server could not be reached (%(reason)s).")
                % {"reason": error.__class__.__name__}
            ) from error
        finally:
            connection.close()
    raise FetchError(_("The calendar server redirected too often."))

"""Django's mail settings from one EMAIL_URL, with the three ways to reach an SMTP server.

- `smtp://user:password@host:port`: plain SMTP (port 25 unless given);
- `smtp+tls://…`: SMTP upgraded with STARTTLS (port 587 unless given);
- `smtp+ssl://…`: SMTP over implicit TLS, "submissions" (port 465 unless given).

django-environ reads these schemes already (environ.Env.EMAIL_SCHEMES), but leaves the port
empty when the URL names none (smtplib then tries 25, also for STARTTLS and implicit TLS),
reads `smtps://` as STARTTLS although the name commonly means implicit TLS, and turns any query
into an OPTIONS setting that Django's SMTP backend never reads. This helper fills the port per
scheme, refuses `smtps://` with a pointer to the two unambiguous names, and accepts
`?timeout=<seconds>` as the only option. User and password are percent-decoded, so a password
with `@`, `:` or `/` is written `%40`, `%3A`, `%2F`. Other schemes django-environ knows
(`consolemail://`, …) pass through unchanged. Kept free of Django models: settings import it.
"""

from urllib.parse import parse_qs, urlsplit

import environ
from django.core.exceptions import ImproperlyConfigured

DEFAULT_PORTS = {"smtp": 25, "smtp+tls": 587, "smtp+ssl": 465}
DEFAULT_TIMEOUT = 20


def email_settings(url: str) -> dict:
    """The EMAIL_* settings for `url` (see the module's docstring for the schemes)."""
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    if scheme == "smtps":
        raise ImproperlyConfigured(
            "EMAIL_URL: smtps:// is ambiguous; write smtp+tls:// for STARTTLS (port 587) "
            "or smtp+ssl:// for implicit TLS (port 465)"
        )
    query = parse_qs(parts.query)
    config = environ.Env.email_url_config(parts._replace(query="").geturl())
    config.pop("OPTIONS", None)
    config["EMAIL_TIMEOUT"] = DEFAULT_TIMEOUT
    if scheme not in DEFAULT_PORTS:
        return config
    config.pop("EMAIL_FILE_PATH", None)
    unknown = set(query) - {"timeout"}
    if unknown:
        raise ImproperlyConfigured(f"EMAIL_URL: unknown options {sorted(unknown)} (only timeout)")
    if "timeout" in query:
        try:
            config["EMAIL_TIMEOUT"] = int(query["timeout"][0])
        except ValueError:
            raise ImproperlyConfigured("EMAIL_URL: timeout must be whole seconds") from None
    if not config.get("EMAIL_HOST"):
        raise ImproperlyConfigured("EMAIL_URL: the SMTP server's host name is missing")
    config["EMAIL_PORT"] = config.get("EMAIL_PORT") or DEFAULT_PORTS[scheme]
    config["EMAIL_HOST_USER"] = config.get("EMAIL_HOST_USER") or ""
    config["EMAIL_HOST_PASSWORD"] = config.get("EMAIL_HOST_PASSWORD") or ""
    config["EMAIL_USE_TLS"] = scheme == "smtp+tls"
    config["EMAIL_USE_SSL"] = scheme == "smtp+ssl"
    return config

"""EMAIL_URL: the three ways to reach an SMTP server become the right Django settings."""

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.core.mail import get_connection

from knotenpunkt.core.email_url import email_settings

BACKEND = "django.core.mail.backends.smtp.EmailBackend"


@pytest.mark.parametrize(
    ("url", "host", "port", "tls", "ssl"),
    [
        ("smtp://127.0.0.1:1025", "127.0.0.1", 1025, False, False),
        ("smtp://mail.example.org", "mail.example.org", 25, False, False),
        ("smtp+tls://mail.example.org", "mail.example.org", 587, True, False),
        ("smtp+tls://mail.example.org:2525", "mail.example.org", 2525, True, False),
        ("smtp+ssl://mail.example.org", "mail.example.org", 465, False, True),
        ("smtp+ssl://mail.example.org:4650", "mail.example.org", 4650, False, True),
    ],
)
def test_schemes_ports_and_encryption(url, host, port, tls, ssl):
    config = email_settings(url)
    assert config["EMAIL_BACKEND"] == BACKEND
    assert (config["EMAIL_HOST"], config["EMAIL_PORT"]) == (host, port)
    assert (config["EMAIL_USE_TLS"], config["EMAIL_USE_SSL"]) == (tls, ssl)
    assert (config["EMAIL_HOST_USER"], config["EMAIL_HOST_PASSWORD"]) == ("", "")


def test_user_and_a_password_with_reserved_characters():
    config = email_settings(
        "smtp+tls://infobrief%40netz.example:p%40ss%3Aw%2Frd@mail.example.org:587"
    )
    assert config["EMAIL_HOST_USER"] == "infobrief@netz.example"
    assert config["EMAIL_HOST_PASSWORD"] == "p@ss:w/rd"


def test_the_settings_make_a_backend_that_speaks_as_asked(settings):
    for key, value in email_settings("smtp+ssl://user:secret@mail.example.org").items():
        setattr(settings, key, value)
    connection = get_connection()
    assert (connection.host, connection.port) == ("mail.example.org", 465)
    assert (connection.use_ssl, connection.use_tls) == (True, False)
    assert (connection.username, connection.password) == ("user", "secret")
    assert connection.timeout == 20


def test_a_timeout_option_and_nothing_else():
    assert email_settings("smtp://mail.example.org?timeout=5")["EMAIL_TIMEOUT"] == 5
    assert "OPTIONS" not in email_settings("smtp://mail.example.org?timeout=5")
    with pytest.raises(ImproperlyConfigured, match="unknown options"):
        email_settings("smtp://mail.example.org?use_tls=1")


@pytest.mark.parametrize("url", ["smtps://mail.example.org", "smtp://", "ftp://mail.example.org"])
def test_ambiguous_or_broken_urls_are_refused(url):
    with pytest.raises(ImproperlyConfigured):
        email_settings(url)


def test_other_backends_pass_through():
    assert email_settings("consolemail://")["EMAIL_BACKEND"].endswith("console.EmailBackend")

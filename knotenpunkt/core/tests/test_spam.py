"""The public forms' defences (core/spam.py), as the info-mail sign-up uses them."""

import pytest
from django.test import RequestFactory, TestCase
from django_scopes import scope

from knotenpunkt.core.models import RateCount
from knotenpunkt.core.spam import client_fingerprint
from knotenpunkt.core.testing import translated
from knotenpunkt.infomail.models import Subscriber

pytestmark = pytest.mark.django_db


def sign_up(client, network, email="leser@example.org", lang="de", **data):
    url = f"/{lang}/{network.slug}/mail/subscribe/"
    with TestCase.captureOnCommitCallbacks(execute=True):
        return client.post(url, {"email": email, "language": "de", **data})


def test_a_bot_filling_the_honeypot_is_not_signed_up(client, network):
    response = sign_up(client, network, homepage="http://spam.example")
    assert response.status_code == 200
    assert translated("This form could not be sent. Please try again.", "de") in response.text
    assert not Subscriber.objects.exists()


def test_the_sign_up_form_carries_the_honeypot(client, network):
    page = client.get(f"/de/{network.slug}/mail/subscribe/").text
    assert 'class="spam-trap" aria-hidden="true"' in page


def test_too_many_sign_ups_from_one_address_get_429_in_the_visitors_language(
    client, network, clock
):
    clock.move_to("2030-05-06T10:00")
    for number in range(20):
        assert sign_up(client, network, email=f"a{number}@example.org").status_code == 302
    refused = sign_up(client, network, email="late@example.org", lang="tr")
    assert refused.status_code == 429
    assert translated("Too many attempts", "tr") in refused.text
    assert not Subscriber.objects.filter(email="late@example.org").exists()
    clock.shift(hours=1)
    assert sign_up(client, network, email="later@example.org").status_code == 302


def test_reading_the_form_is_never_limited(client, network, clock):
    for _ in range(30):
        assert client.get(f"/de/{network.slug}/mail/subscribe/").status_code == 200
    with scope(network=network):
        assert not RateCount.objects.exists()


def test_old_counts_are_removed_as_new_ones_are_written(client, network, clock):
    clock.move_to("2030-05-06T10:00")
    sign_up(client, network)
    clock.shift(days=3)
    sign_up(client, network, email="b@example.org")
    with scope(network=network):
        assert RateCount.objects.count() == 1


def test_the_address_is_kept_as_a_keyed_hash_of_its_purpose_only():
    request = RequestFactory().get("/", REMOTE_ADDR="198.51.100.7")
    rate, consent = client_fingerprint(request, "rate"), client_fingerprint(request, "other")
    assert rate != consent and len(rate) == 32 and "198" not in rate
    assert client_fingerprint(None, "rate") == ""

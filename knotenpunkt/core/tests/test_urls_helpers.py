import pytest
from django.urls import clear_script_prefix, set_script_prefix
from django.utils import translation

from knotenpunkt.core.urls_helpers import network_reverse

pytestmark = pytest.mark.django_db


def test_network_urls_follow_the_language_the_network_and_the_script_prefix(network):
    with translation.override("tr"):
        assert network_reverse(network, "core:home") == f"/tr/{network.slug}/"
    with translation.override("de"):
        assert network_reverse(network, "core:home") == f"/de/{network.slug}/"
    assert network_reverse(network, "core:home", lang="ar") == f"/ar/{network.slug}/"
    set_script_prefix("/netzwerk/")
    try:
        assert network_reverse(network, "core:home", lang="ar") == f"/netzwerk/ar/{network.slug}/"
    finally:
        clear_script_prefix()


def test_a_language_the_network_does_not_offer_falls_back_to_its_default():
    from knotenpunkt.core.tests.factories import NetworkFactory

    small = NetworkFactory(slug="klein", languages=["de", "en"])
    assert network_reverse(small, "core:home", lang="fa") == "/de/klein/"

"""Every page has an icon: the network's logo on its pages, else the default; `/favicon.ico`
answers too (it was a 404 on every page), and no icon address ever answers with an error."""

import io
import re

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse
from PIL import Image

pytestmark = pytest.mark.django_db

DEFAULT_ICO = "/static/knotenpunkt/favicon.ico"
DEFAULT_SVG = "/static/knotenpunkt/favicon.svg"


def png_bytes() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (40, 20), "orange").save(buffer, "PNG")
    return buffer.getvalue()


def icons(html: str) -> list[str]:
    return re.findall(r'<link rel="icon" href="([^"]+)"', html)


def logo_url(network, lang="en"):
    return reverse("core:logo", kwargs={"lang": lang, "network": network.slug})


def home_url(network, lang="en"):
    return reverse("core:home", kwargs={"lang": lang, "network": network.slug})


def set_logo(network, name="logo.png", content=None):
    network.logo.save(name, ContentFile(content if content is not None else png_bytes()))
    return network


def test_favicon_ico_answers_with_the_default_icon(client):
    response = client.get("/favicon.ico")
    assert response.status_code == 302 and response["Location"] == DEFAULT_ICO
    assert "max-age" in response["Cache-Control"]
    icon = client.get(DEFAULT_ICO)
    assert icon.status_code == 200
    assert b"".join(icon.streaming_content)[:4] == b"\x00\x00\x01\x00"  # an ICO file
    svg = client.get(DEFAULT_SVG)
    assert svg.status_code == 200 and b"<svg" in b"".join(svg.streaming_content)


def test_pages_without_a_logo_name_the_default_icons(client, network):
    for url in (home_url(network), reverse("network_list"), reverse("accounts:login")):
        assert icons(client.get(url).text) == [DEFAULT_ICO, DEFAULT_SVG], url


def test_a_network_with_a_logo_uses_it_as_the_icon_of_its_pages(client, network):
    set_logo(network)
    [icon] = icons(client.get(home_url(network)).text)
    assert icon.startswith(logo_url(network) + "?v=")
    response = client.get(icon)
    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    assert b"".join(response.streaming_content) == png_bytes()
    # Pages outside the network keep the default.
    assert icons(client.get(reverse("network_list")).text) == [DEFAULT_ICO, DEFAULT_SVG]


def test_a_logo_missing_on_disk_falls_back_to_the_default_icon(client, network):
    set_logo(network)
    network.logo.storage.delete(network.logo.name)
    response = client.get(logo_url(network))
    assert response.status_code == 302 and response["Location"] == DEFAULT_ICO
    assert client.get(home_url(network)).status_code == 200


@pytest.mark.parametrize("name", ["logo.svg", "logo.html", "logo"])
def test_a_logo_file_that_is_no_raster_image_is_not_served(client, network, name):
    set_logo(network, name, b'<svg onload="alert(1)"></svg>')
    response = client.get(logo_url(network))
    assert response.status_code == 302 and response["Location"] == DEFAULT_ICO


def test_a_network_without_a_logo_redirects_its_logo_address_to_the_default(client, network):
    response = client.get(logo_url(network))
    assert response.status_code == 302 and response["Location"] == DEFAULT_ICO


def test_a_deactivated_networks_logo_is_not_found(client, network):
    set_logo(network)
    network.is_active = False
    network.save()
    assert client.get(logo_url(network)).status_code == 404

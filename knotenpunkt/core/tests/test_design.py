"""The design system: the style guide, the network's own colour kept readable, the icons."""

import pytest
from django import template
from django.test import override_settings

from knotenpunkt.core.colours import DEFAULT_ACCENT, WHITE, _channels, contrast, readable_accent
from knotenpunkt.core.services import network_update
from knotenpunkt.core.testing import refused

COMPONENTS = [
    'class="page-header"',
    'class="cards"',
    'class="item-list"',
    'class="table-wrap"',
    'data-label="',
    "badge--error",
    'class="button secondary"',
    'class="empty-state"',
    'class="error-summary"',
    'class="filter-panel"',
    'class="pagination"',
    'class="sub-nav"',
    "<use href=",
]


@pytest.mark.django_db
def test_style_guide_is_not_found_without_debug(client):
    assert client.get("/styleguide/").status_code == 404


@pytest.mark.django_db
@override_settings(DEBUG=True)
def test_style_guide_shows_every_component_left_to_right_and_right_to_left(client):
    response = client.get("/styleguide/")
    html = response.content.decode()
    assert response.status_code == 200
    ltr = html.index('dir="ltr" aria-labelledby="sg-de"')
    rtl = html.index('dir="rtl" aria-labelledby="sg-ar"')
    for marker in COMPONENTS:
        assert marker in html[ltr:rtl], f"{marker} missing in the left-to-right samples"
        assert marker in html[rtl:], f"{marker} missing in the right-to-left samples"
    # The right-to-left samples are in Arabic, not German text set right-to-left.
    assert "يرجى" in html[rtl:] or "الاجتماعات" in html[rtl:]


@pytest.mark.parametrize("colour", ["#ffdd00", "#a0d8ff", "#ffffff", "#7fff00"])
def test_a_light_network_colour_is_darkened_until_text_on_it_is_readable(colour):
    accent = readable_accent(colour)
    assert contrast(_channels(accent), WHITE) >= 4.5
    assert accent != colour


def test_a_dark_network_colour_is_kept_as_it_is():
    assert readable_accent("#1d4f2a") == "#1d4f2a"


@pytest.mark.parametrize("colour", ["", "red", "#12345", "#gggggg"])
def test_no_or_a_malformed_colour_gives_the_default_accent(colour):
    assert readable_accent(colour) == DEFAULT_ACCENT


def test_network_pages_use_the_networks_colour_made_readable(client, network, coordinator):
    network_update(network=network, actor=coordinator, accent_colour="#ffdd00")
    html = client.get("/de/musterstadt/").content.decode()
    assert f"--accent: {readable_accent('#ffdd00')};" in html


def test_network_without_a_colour_keeps_the_stylesheets_accent(client, network):
    assert "--accent:" not in client.get("/de/musterstadt/").content.decode()


def test_a_colour_that_is_not_six_hex_digits_is_refused(network, coordinator):
    with refused(
        "Give the colour as # and six hexadecimal digits, e.g. #0b5cad.", field="accent_colour"
    ):
        network_update(network=network, actor=coordinator, accent_colour="#12345")


def test_an_unknown_icon_is_a_template_error_not_an_empty_box():
    with pytest.raises(template.TemplateSyntaxError):
        template.Template('{% icon "no-such-icon" %}').render(template.Context())


def test_an_icon_is_hidden_from_screen_readers_unless_it_has_a_label():
    decorative = template.Template('{% icon "calendar" %}').render(template.Context())
    labelled = template.Template('{% icon "alert" label="Warning" %}').render(template.Context())
    assert 'aria-hidden="true"' in decorative and "role=" not in decorative
    assert 'role="img" aria-label="Warning"' in labelled


def test_bdi_isolates_user_content_inside_a_translated_sentence_and_escapes_it():
    rendered = template.Template(
        "{% load i18n %}{% blocktranslate with name=name|bdi %}Coordinated by {{ name }}."
        "{% endblocktranslate %}"
    ).render(template.Context({"name": "Brückenwerk <b>gGmbH</b>"}))
    assert rendered == "Coordinated by <bdi>Brückenwerk &lt;b&gt;gGmbH&lt;/b&gt;</bdi>."

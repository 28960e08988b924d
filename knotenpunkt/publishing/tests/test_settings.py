"""The coordinator's settings page: the network's own data and the texts of its static pages."""

import io

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django_scopes import scope
from PIL import Image

from knotenpunkt.accounts.tests.factories import UserFactory, grant_role
from knotenpunkt.core.errors import DomainError
from knotenpunkt.core.models import AuditEntry, Network
from knotenpunkt.core.testing import translated
from knotenpunkt.publishing.models import StaticPage, StaticPageTranslation
from knotenpunkt.publishing.services import static_page_text_save

pytestmark = pytest.mark.django_db

SETTINGS = "/de/musterstadt/manage/settings/"
IMPRINT_EN = "/de/musterstadt/manage/settings/pages/imprint/en/"
IMPRINT_DE = "/de/musterstadt/manage/settings/pages/imprint/de/"


def png() -> SimpleUploadedFile:
    buffer = io.BytesIO()
    Image.new("RGB", (8, 8), "teal").save(buffer, format="PNG")
    return SimpleUploadedFile("logo.png", buffer.getvalue(), "image/png")


def settings_data(network, **changes):
    data = {
        "name": network.name,
        "city": network.city,
        "description": network.description,
        "coordinating_body": network.coordinating_body,
        "contact_email": network.contact_email,
        "contact_phone": network.contact_phone,
        "address": network.address,
        "imprint_responsible": network.imprint_responsible,
        "default_language": network.default_language,
        "enabled_languages": network.enabled_languages,
        "edition_months": network.edition_months,
        "plenaries_per_year_target": network.plenaries_per_year_target,
    }
    return data | changes


@pytest.fixture
def small_network(network):
    """Musterstadt offering only German and English, so a newly offered language shows."""
    Network.objects.filter(pk=network.pk).update(enabled_languages=["de", "en"])
    network.refresh_from_db()
    return network


def test_the_coordinator_changes_the_networks_data_and_every_page_shows_it(
    coordinator_client, coordinator, small_network
):
    network = small_network
    assert coordinator_client.get("/de/musterstadt/").status_code == 200  # memoised pages
    data = settings_data(
        network,
        name="Integrationsnetz Musterstadt",
        description="Wir bringen Vereine, Verwaltung und Ehrenamt zusammen.",
        contact_phone="0561 123456",
        enabled_languages=["de", "en", "ar"],
        edition_months=["2", "4", "6", "8", "10", "12"],
        plenaries_per_year_target="4",
        logo=png(),
    )

    response = coordinator_client.post(SETTINGS, data)

    assert response.status_code == 302 and response.url == SETTINGS
    network.refresh_from_db()
    assert network.name == "Integrationsnetz Musterstadt"
    assert network.languages == ["de", "en", "ar"]
    assert network.edition_start_months == [2, 4, 6, 8, 10, 12]
    assert network.plenaries_per_year_target == 4
    assert network.logo.name.startswith("networks/logo")
    home = coordinator_client.get("/de/musterstadt/").content.decode()
    assert "Integrationsnetz Musterstadt" in home
    assert "Wir bringen Vereine, Verwaltung und Ehrenamt zusammen." in home
    assert coordinator_client.get("/ar/musterstadt/").status_code == 200
    with scope(network=network):
        entry = AuditEntry.objects.get(action="network.update")
    assert entry.actor == coordinator
    assert entry.changes["name"] == ["Netzwerk Musterstadt", "Integrationsnetz Musterstadt"]
    assert entry.changes["enabled_languages"] == [["de", "en"], ["ar", "de", "en"]]
    assert entry.changes["plenaries_per_year_target"] == [5, 4]
    assert entry.changes["logo"][1].startswith("networks/logo")


def test_a_file_that_is_no_image_is_refused_as_logo(coordinator_client, network):
    fake = SimpleUploadedFile("logo.png", b"<svg onload=alert(1)>", "image/png")

    response = coordinator_client.post(SETTINGS, settings_data(network, name="Neu", logo=fake))

    assert response.status_code == 200
    form = response.context["form"]
    assert list(form.errors) == ["logo"]
    network.refresh_from_db()
    assert network.name == "Netzwerk Musterstadt" and not network.logo


def test_only_the_coordinator_reaches_the_settings(client, network, other_network):
    liaison = UserFactory()
    grant_role(liaison, network, "city_liaison")
    foreign = UserFactory()
    grant_role(foreign, other_network, "coordinator")

    assert client.get(SETTINGS).status_code == 302  # to the login
    for user in (liaison, foreign):
        client.force_login(user)
        assert client.get(SETTINGS).status_code == 403
        assert client.post(SETTINGS, settings_data(network, name="Gekapert")).status_code == 403
        assert client.get(IMPRINT_DE).status_code == 403
    network.refresh_from_db()
    assert network.name == "Netzwerk Musterstadt"


def test_the_settings_page_lists_each_static_page_in_each_language(coordinator_client, network):
    page = coordinator_client.get(SETTINGS).content.decode()

    assert page.count("/manage/settings/pages/imprint/") == len(network.languages)
    assert page.count("/manage/settings/pages/privacy/") == len(network.languages)
    assert translated("Start from the ready text", "de") in page  # no English imprint yet


def test_a_translation_of_the_imprint_reaches_the_footer_at_once(coordinator_client, network):
    assert coordinator_client.get("/en/musterstadt/").status_code == 200  # footer memoised

    response = coordinator_client.post(
        IMPRINT_EN, {"title": "Legal notice", "body": "Responsible: Beispiel gGmbH"}
    )

    assert response.status_code == 302 and response.url == SETTINGS
    assert "Legal notice" in coordinator_client.get("/en/musterstadt/").content.decode()
    page = coordinator_client.get("/en/musterstadt/pages/imprint/").content.decode()
    assert "Responsible: Beispiel gGmbH" in page
    with scope(network=network):
        entry = AuditEntry.objects.get(action="static_page.update")
    assert entry.summary == "en" and entry.changes["title"] == ["", "Legal notice"]


def test_emptying_a_translation_removes_it_but_the_default_language_keeps_its_text(
    coordinator, network
):
    with scope(network=network):
        imprint = StaticPage.objects.get(slug="imprint")
        static_page_text_save(
            page=imprint, language="en", title="Legal notice", body="Text", actor=coordinator
        )
        static_page_text_save(page=imprint, language="en", title="", body="", actor=coordinator)
        assert not StaticPageTranslation.objects.filter(page=imprint, language="en").exists()

        with pytest.raises(DomainError) as refused:
            static_page_text_save(page=imprint, language="de", title="", body="", actor=coordinator)
        assert refused.value.field == "title"
        assert refused.value.message == translated(
            "The page needs a text in the network's default language.", "en"
        )
        assert StaticPageTranslation.objects.filter(page=imprint, language="de").exists()
        kinds = list(
            AuditEntry.objects.filter(target_type="publishing.staticpage").values_list(
                "summary", flat=True
            )
        )
    assert kinds == ["en", "en"]


def test_a_language_the_network_does_not_offer_is_not_found(coordinator_client, network):
    Network.objects.filter(pk=network.pk).update(enabled_languages=["de"])

    assert coordinator_client.get(IMPRINT_EN.replace("/de/", "/de/", 1)).status_code == 404
    assert coordinator_client.get(IMPRINT_DE.replace("imprint", "unknown")).status_code == 404


@pytest.mark.parametrize("language", ["ar", "uk", "en"])
def test_the_footer_names_the_standard_pages_in_the_readers_language_before_they_have_a_text(
    client, network, language
):
    """The starter pages have a German text only; their footer links read in the visitor's
    language, not "Impressum / Datenschutz / Barrierefreiheit" on every page."""
    network.enabled_languages = [code for code, _name in settings.LANGUAGES]
    network.save()

    footer = client.get(f"/{language}/musterstadt/").content.decode().split("site-footer")[1]

    for title in ("Imprint", "Privacy", "Accessibility"):
        assert f">{translated(title, language)}</a>" in footer
        assert f">{translated(title, 'de')}</a>" not in footer

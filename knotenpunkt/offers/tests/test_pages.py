"""The workspace's offer pages: who sees which offers, the forms, the coordinator's share."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from knotenpunkt.core.testing import translated
from knotenpunkt.offers.models import Schedule, Service

from .factories import location_make, schedule_make, service_make

pytestmark = pytest.mark.django_db


def _url(network, path=""):
    return f"/en/{network.slug}/manage/offers/{path}"


def test_a_member_contact_sees_only_their_organisations_offers(
    network, member_client, member_contact, competitor
):
    service_make(network, organization=member_contact.own_organisation, name="Kurs Nord")
    service_make(network, organization=competitor, name="Kurs Süd")
    page = member_client.get(_url(network)).text
    assert "Kurs Nord" in page and "Kurs Süd" not in page
    assert "offers confirmed within the last" not in page  # the share is the coordinator's


def test_a_member_contact_cannot_open_or_change_another_organisations_offer(
    network, member_client, competitor
):
    theirs = service_make(network, organization=competitor, name="Kurs Süd")
    for path in ("", "edit/", "delete/"):
        assert member_client.get(_url(network, f"{theirs.pk}/{path}")).status_code == 403
    response = member_client.post(
        _url(network, f"{theirs.pk}/edit/"), {"language": "de", "name": "Gekapert"}
    )
    assert response.status_code == 403
    assert member_client.post(_url(network, f"{theirs.pk}/confirm/")).status_code == 403
    theirs.refresh_from_db()
    assert theirs.name == "Kurs Süd"


def test_a_person_without_an_organisation_gets_no_offer_pages(network, client):
    from knotenpunkt.accounts.tests.factories import UserFactory, grant_role

    user = UserFactory()
    grant_role(user, network, "member_contact")
    client.force_login(user)
    assert client.get(_url(network)).status_code == 403


def test_a_member_contact_adds_an_offer_with_a_translation(
    network, member_client, member_contact, clock
):
    response = member_client.post(
        _url(network, "new/"),
        {
            "organization": member_contact.own_organisation.pk,
            "language": "de",
            "name": "Frauencafé",
            "status": "active",
            "languages": "de, fa",
            "name_fa": "کافه زنان",
            "free_of_charge": "on",
        },
    )
    service = Service.objects.get()
    assert response.status_code == 302 and response.url == _url(network, f"{service.pk}/")
    assert service.free_of_charge and service.assured_date == clock.today()
    assert service.translations.get().language == "fa"


def test_the_form_shows_the_services_refusals_next_to_the_fields(
    network, member_client, member_contact
):
    response = member_client.post(
        _url(network, "new/"),
        {
            "organization": member_contact.own_organisation.pk,
            "language": "de",
            "name": "Kurs",
            "status": "active",
            "minimum_age": "30",
            "maximum_age": "10",
            "description_tr": "Akşam kursu",
        },
    )
    assert response.status_code == 200
    assert translated("The maximum age is below the minimum age.", "en") in response.text
    assert translated("Give the name in this language too.", "en") in response.text
    assert not Service.objects.exists()


def test_a_member_contact_cannot_add_an_offer_for_another_organisation(
    network, member_client, competitor
):
    response = member_client.post(
        _url(network, "new/"),
        {"organization": competitor.pk, "language": "de", "name": "Kurs", "status": "active"},
    )
    assert response.status_code == 200 and not Service.objects.exists()


def test_editing_keeps_the_values_and_the_still_correct_button_confirms(
    network, member_client, member_contact, clock
):
    clock.move_to("2026-05-20T10:00")
    service = service_make(
        network,
        organization=member_contact.own_organisation,
        name="Kurs Nord",
        assured_date=datetime.date(2025, 1, 1),
    )
    page = member_client.get(_url(network, f"{service.pk}/edit/")).text
    assert 'value="Kurs Nord"' in page
    response = member_client.post(_url(network, f"{service.pk}/confirm/"), {"back": "list"})
    assert response.url == _url(network)
    service.refresh_from_db()
    assert service.assured_date == datetime.date(2026, 5, 20)


def test_opening_times_are_added_and_removed_on_the_offers_page(
    network, member_client, member_contact
):
    own = member_contact.own_organisation
    service = service_make(network, organization=own)
    place = location_make(network, organization=own, name="Bürgerhaus")
    response = member_client.post(
        _url(network, f"{service.pk}/opening/"),
        {"location": place.pk, "byday": "WE", "opens_at": "18:00", "closes_at": "17:00"},
    )
    assert response.status_code == 200
    assert translated("The end must be later than the start.", "en") in response.text
    member_client.post(
        _url(network, f"{service.pk}/opening/"),
        {"location": place.pk, "byday": "WE", "opens_at": "17:00", "closes_at": "19:00"},
    )
    schedule = Schedule.objects.get()
    assert "Bürgerhaus" in member_client.get(_url(network, f"{service.pk}/")).text
    member_client.post(_url(network, f"opening/{schedule.pk}/delete/"))
    assert not Schedule.objects.exists()


def test_the_coordinator_sees_the_share_of_fresh_offers_and_filters(
    network, coordinator_client, competitor, clock
):
    clock.move_to("2026-06-01T10:00")
    today = clock.today()
    service_make(network, organization=competitor, name="Frisch", assured_date=today)
    service_make(network, name="Alt", assured_date=today - datetime.timedelta(days=200))
    service_make(network, name="Verborgen", assured_date=today - datetime.timedelta(days=400))
    service_make(
        network, name="Beendet", status="defunct", assured_date=today - datetime.timedelta(days=400)
    )
    page = coordinator_client.get(_url(network)).text
    assert "1 of 3 offers confirmed within the last 180 days (33 %)." in page
    outdated = coordinator_client.get(_url(network), {"freshness": "outdated"}).text
    assert "Alt" in outdated and "Frisch" not in outdated and "Verborgen" not in outdated
    hidden = coordinator_client.get(_url(network), {"freshness": "hidden"}).text
    assert "Verborgen" in hidden and "Alt" not in hidden
    mine = coordinator_client.get(_url(network), {"organisation": competitor.pk}).text
    assert "Frisch" in mine and "Alt" not in mine
    # A filter nobody can have sent is no filter, never an error.
    assert coordinator_client.get(_url(network), {"freshness": "nonsense"}).status_code == 200


def test_the_coordinator_sets_the_periods(network, coordinator_client):
    response = coordinator_client.post(
        _url(network, "periods/"), {"outdated_after_days": "90", "hidden_after_days": "60"}
    )
    assert response.status_code == 200
    assert (
        translated("Offers must be hidden later than they are marked as possibly outdated.", "en")
        in response.text
    )
    response = coordinator_client.post(
        _url(network, "periods/"), {"outdated_after_days": "90", "hidden_after_days": "200"}
    )
    assert response.status_code == 302


def test_the_periods_are_the_coordinators(network, member_client):
    assert member_client.get(_url(network, "periods/")).status_code == 403


def test_places_are_added_changed_and_deleted(network, member_client, member_contact):
    own = member_contact.own_organisation
    response = member_client.post(
        _url(network, "places/new/"),
        {"organization": own.pk, "name": "Bürgerhaus", "city": "Musterstadt"},
    )
    assert response.status_code == 302
    place = own.locations.get()
    member_client.post(_url(network, f"places/{place.pk}/edit/"), {"name": "Bürgerhaus Nord"})
    place.refresh_from_db()
    assert place.name == "Bürgerhaus Nord"
    assert "Bürgerhaus Nord" in member_client.get(_url(network, "places/")).text
    member_client.post(_url(network, f"places/{place.pk}/delete/"))
    assert not own.locations.exists()


def _queries(client, url) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


@pytest.mark.parametrize("path", ["", "places/"])
def test_the_list_pages_need_as_many_queries_for_many_rows_as_for_few(
    network, coordinator_client, competitor, path
):
    def add(count):
        for _ in range(count):
            service = service_make(network, organization=competitor)
            schedule_make(service)

    add(2)
    few = _queries(coordinator_client, _url(network, path))
    add(20)
    assert _queries(coordinator_client, _url(network, path)) <= few


def test_the_offers_page_of_a_member_contact_has_a_bounded_number_of_queries(
    network, member_client, member_contact, django_assert_max_num_queries
):
    for number in range(30):
        service_make(network, organization=member_contact.own_organisation, name=f"Kurs {number}")
    with django_assert_max_num_queries(20):
        member_client.get(_url(network))


def test_the_workspace_tells_a_member_contact_which_offers_wait_for_a_confirmation(
    network, member_client, member_contact, competitor, clock
):
    clock.move_to("2026-06-01T10:00")
    old = clock.today() - datetime.timedelta(days=200)
    service_make(network, organization=member_contact.own_organisation, assured_date=old)
    service_make(network, organization=competitor, assured_date=old)
    page = member_client.get(f"/en/{network.slug}/workspace/").text
    assert "1 offer may be outdated: please check it and confirm it is still correct." in page
    assert f'href="/en/{network.slug}/manage/offers/"' in page

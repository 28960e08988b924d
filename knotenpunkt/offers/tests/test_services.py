"""The write services of offers, places, opening times and periods: who may, what is refused,
what the audit trail keeps."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied

from knotenpunkt.core.models import AuditEntry
from knotenpunkt.core.testing import refused
from knotenpunkt.offers import services, services_places
from knotenpunkt.offers.freshness import periods_of
from knotenpunkt.offers.models import Language, Schedule, Service, ServiceTranslation, TaxonomyTerm

from .factories import location_make, schedule_make, service_make

pytestmark = pytest.mark.django_db


def _offer(organization, actor, **values):
    values.setdefault("language", "de")
    values.setdefault("name", "Deutschkurs B1")
    return services.service_create(organization=organization, actor=actor, **values)


def _entries(action):
    return list(AuditEntry.objects.filter(action=action))


def test_a_member_contact_adds_an_offer_of_their_organisation_confirmed_today(
    network, member_contact, clock
):
    clock.move_to("2026-04-10T09:00")
    b1 = TaxonomyTerm.objects.get(network=network, code="language-course-b1")
    service = _offer(
        member_contact.own_organisation,
        member_contact,
        description="Abends, mit Kinderbetreuung",
        terms=[b1],
        languages="de, uk, TI",
        translations={"uk": {"name": "Курс німецької B1", "description": ""}},
        minimum_age=16,
        childcare=True,
    )
    assert service.assured_date == datetime.date(2026, 4, 10)
    assert list(service.terms.all()) == [b1]
    assert sorted(Language.objects.filter(service=service).values_list("code", flat=True)) == [
        "de",
        "ti",
        "uk",
    ]
    translation = ServiceTranslation.objects.get(service=service, language="uk")
    assert translation.name == "Курс німецької B1"
    [entry] = _entries("offer.create")
    assert entry.actor == member_contact and entry.target_id == str(service.pk)


def test_a_member_contact_may_not_add_or_change_another_organisations_offer(
    network, member_contact, competitor
):
    with pytest.raises(PermissionDenied):
        _offer(competitor, member_contact)
    theirs = service_make(network, organization=competitor, name="Kurs Süd")
    with pytest.raises(PermissionDenied):
        services.service_update(service=theirs, actor=member_contact, language="de", name="Meins")
    with pytest.raises(PermissionDenied):
        services.service_delete(service=theirs, actor=member_contact)
    with pytest.raises(PermissionDenied):
        services.service_confirm(service=theirs, actor=member_contact)
    theirs.refresh_from_db()
    assert theirs.name == "Kurs Süd"
    assert not AuditEntry.objects.filter(action__startswith="offer.").exists()


def test_a_former_contact_may_no_longer_maintain_the_offers(network, member_contact, clock):
    service = service_make(network, organization=member_contact.own_organisation)
    member_contact.person.positions.update(ended_on=clock.today())
    with pytest.raises(PermissionDenied):
        services.service_confirm(service=service, actor=member_contact)


def test_the_coordinator_maintains_any_offer(network, coordinator, competitor):
    service = _offer(competitor, coordinator)
    services.service_update(
        service=service, actor=coordinator, language="de", name="Deutschkurs B2", status="inactive"
    )
    service.refresh_from_db()
    assert (service.name, service.status) == ("Deutschkurs B2", "inactive")
    [entry] = _entries("offer.update")
    assert entry.changes["name"] == ["Deutschkurs B1", "Deutschkurs B2"]


def test_refusals_name_their_fields(network, coordinator, competitor):
    with refused("This field is required.", field="name"):
        _offer(competitor, coordinator, name="  ")
    with refused("These are not language codes: %(codes)s", field="languages"):
        _offer(competitor, coordinator, languages="de, Deutsch!")
    with refused("The maximum age is below the minimum age.", field="maximum_age"):
        _offer(competitor, coordinator, minimum_age=18, maximum_age=12)
    with refused("Enter an age between 0 and %(max)s.", field="minimum_age"):
        _offer(competitor, coordinator, minimum_age=400)
    with refused("Enter an address starting with http:// or https://.", field="url"):
        _offer(competitor, coordinator, url="javascript:alert(1)")
    with refused("Enter a valid email address.", field="email"):
        _offer(competitor, coordinator, email="kein-at")
    with refused("Choose one of the network's languages.", field="language"):
        _offer(competitor, coordinator, language="xx")
    with refused("Choose one of the offered states.", field="status"):
        _offer(competitor, coordinator, status="closed forever")
    with refused("Give the name in this language too.", field="name_tr"):
        _offer(competitor, coordinator, translations={"tr": {"name": "", "description": "Akşam"}})
    assert not Service.objects.exists()


def test_every_broken_rule_is_reported_at_once(network, coordinator, competitor):
    with refused("This field is required.", field="name") as raised:
        _offer(competitor, coordinator, name="", email="kein-at", languages="!!")
    assert {field for field, _message in raised.value.errors} == {"name", "email", "languages"}


def test_translations_are_replaced_and_the_original_language_is_none(
    network, coordinator, competitor
):
    service = _offer(
        competitor,
        coordinator,
        translations={
            "de": {"name": "ignored", "description": ""},
            "tr": {"name": "Almanca kursu", "description": ""},
        },
    )
    assert list(service.translations.values_list("language", flat=True)) == ["tr"]
    services.service_update(
        service=service,
        actor=coordinator,
        language="de",
        name="Deutschkurs B1",
        translations={"ar": {"name": "دورة ألمانية", "description": ""}},
    )
    assert list(service.translations.values_list("language", flat=True)) == ["ar"]
    [entry] = _entries("offer.update")
    assert entry.summary == "translations"


def test_an_unchanged_offer_writes_no_entry(network, coordinator, competitor):
    service = _offer(competitor, coordinator, languages=["de"])
    services.service_update(
        service=service, actor=coordinator, language="de", name="Deutschkurs B1", languages="de"
    )
    assert _entries("offer.update") == []


def test_confirming_sets_the_networks_today_and_clears_the_reminder(network, member_contact, clock):
    clock.move_to("2026-12-31T23:30")  # 22:30 in UTC: the network's day is what counts
    service = service_make(
        network,
        organization=member_contact.own_organisation,
        assured_date=datetime.date(2026, 1, 1),
        reminded_at=clock.now(),
    )
    services.service_confirm(service=service, actor=member_contact)
    service.refresh_from_db()
    assert service.assured_date == clock.today() and service.reminded_at is None
    [entry] = _entries("offer.confirm")
    assert entry.changes["assured_date"] == ["2026-01-01", str(clock.today())]


def test_deleting_an_offer_keeps_its_places(network, member_contact):
    service = service_make(network, organization=member_contact.own_organisation)
    schedule = schedule_make(service)
    services.service_delete(service=service, actor=member_contact)
    assert not Service.objects.exists() and not Schedule.objects.exists()
    assert schedule.service_at_location.location.__class__.objects.exists()
    assert len(_entries("offer.delete")) == 1


def test_places_and_opening_times(network, member_contact, competitor):
    own = member_contact.own_organisation
    place = services_places.location_create(
        organization=own, actor=member_contact, name=" Bürgerhaus ", district="Nord"
    )
    assert place.name == "Bürgerhaus"
    service = service_make(network, organization=own)
    schedule = services_places.schedule_add(
        service=service,
        location=place,
        actor=member_contact,
        byday="TU",
        opens_at=datetime.time(17),
        closes_at=datetime.time(19),
    )
    assert schedule.service_at_location.location == place
    written = AuditEntry.objects.exclude(action="network.create").order_by("pk")
    assert [entry.action for entry in written] == [
        "offer_place.create",
        "offer.place_add",
        "offer.opening_add",
    ]
    with refused("The end must be later than the start.", field="closes_at"):
        services_places.schedule_add(
            service=service,
            location=place,
            actor=member_contact,
            byday="TU",
            opens_at=datetime.time(19),
            closes_at=datetime.time(17),
        )
    with refused("Choose a weekday.", field="byday"):
        services_places.schedule_add(
            service=service,
            location=place,
            actor=member_contact,
            byday="XX",
            opens_at=datetime.time(9),
            closes_at=datetime.time(10),
        )
    foreign_place = location_make(network, organization=competitor)
    with refused("Choose a place of the offer's organisation.", field="location"):
        services_places.service_location_add(
            service=service, location=foreign_place, actor=member_contact
        )
    with pytest.raises(PermissionDenied):
        services_places.location_update(location=foreign_place, actor=member_contact, name="X")
    services_places.location_update(location=place, actor=member_contact, name="Bürgerhaus Nord")
    services_places.schedule_delete(schedule=schedule, actor=member_contact)
    services_places.service_location_remove(
        service_at_location=schedule.service_at_location, actor=member_contact
    )
    services_places.location_delete(location=place, actor=member_contact)
    assert len(_entries("offer_place.delete")) == 1


def test_the_coordinator_sets_the_periods_within_bounds(network, coordinator, member_contact):
    with pytest.raises(PermissionDenied):
        services_places.directory_settings_update(
            network=network, actor=member_contact, outdated_after_days=90, hidden_after_days=200
        )
    with refused(
        "Offers must be hidden later than they are marked as possibly outdated.",
        field="hidden_after_days",
    ):
        services_places.directory_settings_update(
            network=network, actor=coordinator, outdated_after_days=200, hidden_after_days=100
        )
    days = "Enter a number of days between %(min)s and %(max)s."
    with refused(days, field="outdated_after_days"):
        services_places.directory_settings_update(
            network=network, actor=coordinator, outdated_after_days=1, hidden_after_days=100
        )
    services_places.directory_settings_update(
        network=network, actor=coordinator, outdated_after_days=90, hidden_after_days=200
    )
    assert periods_of(network).outdated_after_days == 90
    assert len(_entries("offers.periods_update")) == 1

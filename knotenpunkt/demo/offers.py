"""The demo's directory of offers: about 250 offers of the members, written in bulk.

Several providers compete with language courses (A1 to C1 in two parts each, integration
courses), with different times, costs and childcare; the other offers (counselling, work,
health, children, women, sport, volunteering, education, housing) are written in the
languages of those they are for, some translated. Most were confirmed in the last months,
some more than 180 days ago (shown as possibly outdated) and a few more than 365 days ago
(hidden from the public). Everything comes from the seeded chance: the same on every machine.
The loader rebuilds the search index afterwards, which covers these rows.
"""

import datetime
import random

from knotenpunkt.members.models import Organisation
from knotenpunkt.offers.models import (
    Language,
    Location,
    Schedule,
    Service,
    ServiceAtLocation,
    ServiceTranslation,
    TaxonomyTerm,
)
from knotenpunkt.offers.taxonomy import cefr_code

from .offers_data import COURSE_TRANSLATIONS, KINDS, LEVELS, PLACES, PROVIDERS, Kind, Provider

BATCH = 500
NEIGHBOURHOODS = ("buergerhaus", "stadtteilzentrum", "jugendzentrum", "gemeindehaus", "fbs")
PARTS = ("1", "2")  # every level in two parts, as course providers split them
INTEGRATION_COURSES = [
    (
        "Integrationskurs (allgemein)",
        "600 Stunden Deutsch bis B1 und 100 Stunden Orientierungskurs.",
        16,
    ),
    ("Integrationskurs für Eltern", "Mit Kinderbetreuung im Haus; Unterricht am Vormittag.", 16),
    ("Frauenintegrationskurs", "Ein Integrationskurs nur für Frauen, mit Kinderbetreuung.", 16),
    (
        "Jugendintegrationskurs",
        "Für junge Erwachsene bis 27 Jahre, mit Vorbereitung auf Ausbildung.",
        16,
    ),
]


class _Rows:
    """The offers and everything hanging on them, written table by table."""

    def __init__(self, network, rng: random.Random, today: datetime.date):
        self.network, self.rng, self.today = network, rng, today
        self.services: list[Service] = []
        self.extras: list[tuple[Service, dict]] = []
        self.locations: dict[tuple[int, str], Location] = {}

    def assured(self) -> datetime.date:
        """Mostly confirmed recently; about one in seven possibly outdated, a few hidden."""
        draw = self.rng.random()
        if draw < 0.04:
            days = self.rng.randint(370, 700)
        elif draw < 0.18:
            days = self.rng.randint(185, 360)
        else:
            days = self.rng.randint(0, 170)
        return self.today - datetime.timedelta(days=days)

    def location(self, organisation: Organisation, key: str) -> Location:
        found = self.locations.get((organisation.pk, key))
        if found is None:
            place = PLACES[key]
            found = self.locations[(organisation.pk, key)] = Location(
                network=self.network,
                organization=organisation,
                name=place.name,
                address_1=place.street,
                postal_code=place.postal_code,
                city="Musterstadt",
                district=place.district,
                wheelchair_accessible=place.step_free,
                accessibility_description="" if place.step_free else "Stufen am Eingang",
            )
        return found

    def add(self, service: Service, *, terms, languages, places, slots, translations):
        service.network = self.network
        service.assured_date = self.assured()
        self.services.append(service)
        extra = {"terms": terms, "languages": languages, "places": places, "slots": slots}
        self.extras.append((service, extra | {"translations": translations}))

    def save(self) -> list[Service]:
        network = self.network
        Location.objects.bulk_create(self.locations.values(), batch_size=BATCH)
        Service.objects.bulk_create(self.services, batch_size=BATCH)
        terms = {t.code: t for t in TaxonomyTerm.objects.filter(network=network)}
        through, languages, places, translations = [], [], [], []
        for service, extra in self.extras:
            through += [
                Service.terms.through(service_id=service.pk, taxonomyterm_id=terms[code].pk)
                for code in extra["terms"]
            ]
            languages += [
                Language(network=network, service=service, code=c) for c in extra["languages"]
            ]
            places += [
                ServiceAtLocation(network=network, service=service, location=location)
                for location in extra["places"]
            ]
            translations += [
                ServiceTranslation(
                    network=network, service=service, language=code, name=name, description=text
                )
                for code, (name, text) in extra["translations"].items()
            ]
        Service.terms.through.objects.bulk_create(through, batch_size=BATCH)
        Language.objects.bulk_create(languages, batch_size=BATCH)
        ServiceAtLocation.objects.bulk_create(places, batch_size=BATCH)
        ServiceTranslation.objects.bulk_create(translations, batch_size=BATCH)
        schedules = []
        by_service = {}
        for place in places:
            by_service.setdefault(place.service_id, []).append(place)
        for service, extra in self.extras:
            for place in by_service.get(service.pk, []):
                for days, opens, closes in extra["slots"]:
                    schedules += [
                        Schedule(
                            network=network,
                            service_at_location=place,
                            byday=day,
                            opens_at=_clock(opens),
                            closes_at=_clock(closes),
                        )
                        for day in days
                    ]
        Schedule.objects.bulk_create(schedules, batch_size=BATCH)
        return self.services


def _clock(value: str) -> datetime.time:
    hours, minutes = value.split(":")
    return datetime.time(int(hours), int(minutes))


def _course(rows: _Rows, provider: Provider, organisation, level: str, part: str, slot) -> None:
    days, opens, _closes = slot
    evening = int(opens.split(":")[0]) >= 17
    name = f"Deutschkurs {level}.{part}" + (" am Abend" if evening else "")
    if len(days) >= 4:
        name = f"Deutsch-Intensivkurs {level}.{part}"
    text = (
        f"Deutsch auf Niveau {level} (Teil {part}), {len(days)} Mal in der Woche. "
        f"Einstufungstest vor Kursbeginn. {'Mit Kinderbetreuung. ' if provider.childcare else ''}"
    )
    translations = {}
    if rows.rng.random() < 0.5:
        for code, (title, description) in COURSE_TRANSLATIONS.items():
            if rows.rng.random() < 0.6:
                translations[code] = (
                    f"{title.format(level=level)}.{part}",
                    description.format(level=level),
                )
    rows.add(
        Service(
            organization=organisation,
            language="de",
            name=name,
            description=text,
            free_of_charge=provider.free,
            fees_description=provider.fees,
            childcare=provider.childcare,
            minimum_age=16,
            application_process="Anmeldung mit Einstufungstest im Büro, Termin telefonisch.",
            email=f"kurse@{_domain(organisation.name)}.example",
            phone="0123 45" + str(rows.rng.randint(1000, 9999)),
        ),
        terms=["language-course", cefr_code(level)],
        languages=["de"],
        places=[rows.location(organisation, provider.place)],
        slots=[slot],
        translations=translations,
    )


def _integration(rows: _Rows, provider: Provider, organisation) -> None:
    for name, text, minimum_age in INTEGRATION_COURSES:
        rows.add(
            Service(
                organization=organisation,
                language="de",
                name=name,
                description=text,
                free_of_charge=False,
                fees_description="Kostenlos mit Berechtigungsschein, sonst 2,29 € je Stunde",
                childcare="Eltern" in name or "Frauen" in name,
                minimum_age=minimum_age,
                maximum_age=27 if "Jugend" in name else None,
                eligibility_description="Mit Berechtigung oder Verpflichtung zum Integrationskurs.",
                application_process="Beratung und Anmeldung im Kursbüro.",
            ),
            terms=["language-course", "language-course-a1", "language-course-b1"],
            languages=["de"],
            places=[rows.location(organisation, provider.place)],
            slots=[provider.slots[0]],
            translations={"uk": ("Інтеграційний курс", "Німецька мова до рівня B1.")}
            if rows.rng.random() < 0.5
            else {},
        )


def _kind(rows: _Rows, kind: Kind, organisation) -> None:
    """The offer at each of its places; most single-place offers also run in a neighbourhood."""
    keys = list(kind.places)
    if len(keys) == 1 and rows.rng.random() < 0.85:
        keys.append(rows.rng.choice([key for key in NEIGHBOURHOODS if key != keys[0]]))
    for key in keys:
        rows.add(
            Service(
                organization=organisation,
                language=kind.language,
                name=kind.name,
                description=kind.description,
                free_of_charge=kind.free,
                fees_description=kind.fees,
                childcare=kind.childcare,
                minimum_age=kind.min_age,
                maximum_age=kind.max_age,
                email=f"info@{_domain(organisation.name)}.example",
            ),
            terms=[kind.category],
            languages=list(kind.languages),
            places=[rows.location(organisation, key)],
            slots=list(kind.slots),
            translations=dict(kind.translations),
        )


def _domain(name: str) -> str:
    word = name.split()[0].lower()
    return "".join(c for c in word if c.isascii() and c.isalnum()) or "verein"


def offers_add(network, rng: random.Random, today: datetime.date) -> list[Service]:
    """All the demo's offers with their places, times, languages and translations."""
    organisations = {o.name: o for o in Organisation.objects.filter(network=network)}
    rows = _Rows(network, rng, today)
    for provider in PROVIDERS:
        organisation = organisations[provider.organisation]
        for level in LEVELS:
            for part in PARTS:
                for slot in provider.slots:
                    _course(rows, provider, organisation, level, part, slot)
        if provider.integration:
            _integration(rows, provider, organisation)
    for kind in KINDS:
        for name in kind.by:
            _kind(rows, kind, organisations[name])
    return rows.save()

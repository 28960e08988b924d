"""Member data in bulk for the benchmark: organisations with the history a list row shows."""

from datetime import date, timedelta

from knotenpunkt.members.models import (
    AgreementSignature,
    AgreementVersion,
    ContactPosition,
    Membership,
    Organisation,
    OrganisationKind,
    Person,
)

BATCH = 2000
WORDS = ["Verein", "Initiative", "Beratungsstelle", "Bildungswerk", "Kulturverein", "Zentrum"]
CITIES = ["Musterstadt", "Beispielhausen", "Neudorf", "Altheim", "Bergen"]
START = date(2005, 1, 1)


def populate(network, *, start: int, count: int) -> None:
    """Add organisations number start … start+count-1, each with what the member list shows.

    Every 10th has left, every 40th left and re-joined; each has a main contact, every
    3rd a deputy too; every 2nd signed the current agreement.
    """
    kinds = list(OrganisationKind.objects.filter(network=network).order_by("position"))
    version, _created = AgreementVersion.objects.get_or_create(
        network=network,
        valid_from=date(2024, 3, 1),
        defaults={"title": "Kooperationsvereinbarung", "text": "## Ziele\n\nZusammenarbeit."},
    )
    numbers = range(start, start + count)
    organisations = Organisation.objects.bulk_create(
        (
            Organisation(
                network=network,
                name=f"{WORDS[n % len(WORDS)]} Nr. {n:05d}",
                kind=kinds[n % len(kinds)],
                street=f"Hauptstraße {n % 200 + 1}",
                postal_code=f"{12340 + n % 10}",
                city=CITIES[n % len(CITIES)],
                email=f"info{n}@bench.example",
                languages=["de", "en"],
                public_listing=n % 5 != 0,
            )
            for n in numbers
        ),
        batch_size=BATCH,
    )
    memberships, people, positions, signatures = [], [], [], []
    for n, organisation in zip(numbers, organisations, strict=True):
        joined = START + timedelta(days=n % 5000)
        left = joined + timedelta(days=400) if n % 10 == 0 else None
        memberships.append(_membership(network, organisation, joined, left))
        if n % 40 == 0:
            memberships.append(_membership(network, organisation, left + timedelta(days=300)))
            left = None
        roles = ["main contact"] + (["deputy contact"] if n % 3 == 0 else [])
        for role in roles:
            person = Person(
                network=network,
                full_name=f"Kontakt {n:05d} {role.split()[0]}",
                email=f"{role.split()[0]}{n}@bench.example",
                languages=["de"],
            )
            people.append(person)
            positions.append(
                ContactPosition(
                    network=network,
                    organisation=organisation,
                    person=person,
                    role=role,
                    started_on=joined,
                    ended_on=left,
                )
            )
        if n % 2 == 0:
            signatures.append(
                AgreementSignature(
                    network=network,
                    organisation=organisation,
                    version=version,
                    signed_on=date(2024, 4, 1),
                )
            )
    Membership.objects.bulk_create(memberships, batch_size=BATCH)
    Person.objects.bulk_create(people, batch_size=BATCH)
    ContactPosition.objects.bulk_create(positions, batch_size=BATCH)
    AgreementSignature.objects.bulk_create(signatures, batch_size=BATCH)


def _membership(network, organisation, joined, left=None) -> Membership:
    reason = "Projekt beendet" if left else ""
    return Membership(
        network=network,
        organisation=organisation,
        joined_on=joined,
        left_on=left,
        leave_reason=reason,
    )

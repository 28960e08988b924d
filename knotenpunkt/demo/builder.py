"""Makes the rows of one demo network in memory and writes each table with one bulk insert."""

import random
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta

from knotenpunkt.accounts.models import User
from knotenpunkt.core.models import Network
from knotenpunkt.members.models import (
    ContactPosition,
    Membership,
    Organisation,
    OrganisationKind,
    Person,
)

from . import data

# The demo's history ends here (not "today"), so that every run produces the same rows.
DEMO_TODAY = date(2025, 5, 31)

_TRANSLITERATION = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "ı": "i", "ł": "l"})
_DOMAIN_STOPWORDS = {"e", "v", "ev", "ggmbh", "gmbh", "mbh", "kg", "der", "die", "fuer", "und"}


@dataclass(frozen=True)
class DemoLogin:
    """A demo account, its role, and the organisation its person speaks for."""

    email: str
    role: str
    network_slug: str
    full_name: str
    organisation: str
    languages: tuple[str, ...] = ("de", "en")
    granted_on: date = date(2020, 1, 1)  # the day the role was given (the team page shows it)


def ascii_slug(text: str) -> str:
    """`Deutsch-Türkischer Verein` → `deutsch-tuerkischer-verein`, for e-mails and domains."""
    text = unicodedata.normalize("NFKD", text.lower().translate(_TRANSLITERATION))
    text = text.encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")


def date_between(rng: random.Random, start: date, end: date) -> date:
    return start + timedelta(days=rng.randint(0, max(0, (end - start).days)))


def moment(day: date) -> datetime:
    return datetime.combine(day, time(10, 0), tzinfo=UTC)


class NamePool:
    """Hands out unique, plausible names of the network's many origins (seeded)."""

    def __init__(self, rng: random.Random, taken=()):
        self.rng = rng
        self.taken = set(taken)
        self.groups = data.NAME_GROUPS
        self.group_names = list(self.groups)
        self.weights = [spec["weight"] for spec in self.groups.values()]

    def _candidate(self, group: str) -> tuple[str, str]:
        spec = self.groups[group]
        if "pairs" in spec:
            first, last = self.rng.choice(spec["pairs"].split(", ")).split(" ", 1)
            return first, last
        return self.rng.choice(spec["first"].split()), self.rng.choice(spec["last"].split())

    def take(self, group: str | None = None) -> tuple[str, list[str]]:
        """A new full name and the languages its bearer speaks."""
        for attempt in range(500):
            # An organisation's own community first; any group once its names run short.
            chosen = group if group and attempt < 20 else None
            chosen = chosen or self.rng.choices(self.group_names, weights=self.weights)[0]
            first, last = self._candidate(chosen)
            full_name = f"{first} {last}"
            if full_name not in self.taken:
                self.taken.add(full_name)
                languages = list(self.groups[chosen]["languages"])
                if "en" not in languages and self.rng.random() < 0.3:
                    languages.append("en")
                return full_name, languages
        raise RuntimeError("the demo name pool is exhausted")


@dataclass
class OrgPlan:
    """One demo organisation and the history it is given: membership periods, a handover."""

    organisation: Organisation
    group: str | None
    domain: str
    periods: list[tuple[date, date | None, str]] = field(default_factory=list)
    handover_on: date | None = None
    mains: list[ContactPosition] = field(default_factory=list)

    @property
    def joined(self) -> date:
        return self.periods[-1][0]

    @property
    def left(self) -> date | None:
        return self.periods[-1][1]

    def main_contact_on(self, day: date) -> Person | None:
        for item in self.mains:
            if item.started_on <= day and (item.ended_on is None or day < item.ended_on):
                return item.person
        return None


class Builder:
    """Collects one network's organisations and contacts, then saves them in a few queries."""

    def __init__(
        self, network: Network, rng: random.Random, users: dict[str, User], logins: list
    ) -> None:
        self.network = network
        self.rng = rng
        self.users = users
        self.logins = {login.organisation: login for login in logins}
        self.names = NamePool(rng, taken={login.full_name for login in logins})
        self.emails: set[str] = set()
        self.domains: set[str] = set()
        self.people: list[Person] = []
        self.kinds = {k.key: k for k in OrganisationKind.objects.filter(network=network)}

    def _domain(self, name: str) -> str:
        words = [w for w in ascii_slug(name).split("-") if w not in _DOMAIN_STOPWORDS]
        base = "-".join(words[:3])
        domain, number = f"{base}.example", 2
        while domain in self.domains:
            domain, number = f"{base}-{number}.example", number + 1
        self.domains.add(domain)
        return domain

    def _phone(self) -> str:
        return f"0123 {self.rng.randint(100000, 999999)}"

    def organisation(self, kind: str, name: str, group: str | None, *, public: bool) -> OrgPlan:
        rng = self.rng
        domain = self._domain(name)
        languages = ["de"]
        if group:
            languages += [c for c in data.NAME_GROUPS[group]["languages"] if c not in languages]
        if "en" not in languages and rng.random() < 0.4:
            languages.append("en")
        organisation = Organisation(
            network=self.network,
            name=name,
            kind=self.kinds[kind],
            street=f"{rng.choice(data.STREETS.split('; '))} {rng.randint(1, 120)}",
            postal_code=rng.choice(data.POSTAL_CODES),
            city=self.network.city,
            website=f"https://www.{domain}/" if rng.random() < 0.75 else "",
            email=f"info@{domain}",
            phone=self._phone(),
            languages=languages,
            description=data.KIND_DESCRIPTIONS[kind].format(topic=rng.choice(data.TOPICS)),
            public_listing=public,
        )
        return OrgPlan(organisation=organisation, group=group, domain=domain)

    def person(self, plan: OrgPlan, *, login: DemoLogin | None = None) -> Person:
        """A contact of the organisation; the person behind a demo login keeps its name."""
        if login is not None:
            full_name, email, languages = login.full_name, login.email, list(login.languages)
        else:
            full_name, languages = self.names.take(plan.group)
            local = ".".join(ascii_slug(part) for part in full_name.split(" ", 1))
            email, number = f"{local}@{plan.domain}", 2
            while email in self.emails:
                email, number = f"{local}{number}@{plan.domain}", number + 1
        self.emails.add(email)
        consent = login is not None or self.rng.random() < 0.9
        person = Person(
            network=self.network,
            full_name=full_name,
            email=email,
            phone=self._phone() if self.rng.random() < 0.6 else "",
            languages=languages,
            contact_consent=consent,
            contact_consent_at=moment(plan.joined) if consent else None,
            user=self.users.get(email),
        )
        self.people.append(person)
        return person

    def save_organisations(self, plans: list[OrgPlan]) -> None:
        for plan in plans:
            if plan.organisation.public_listing:
                plan.organisation.public_listing_changed_at = moment(plan.periods[0][0])
        Organisation.objects.bulk_create([plan.organisation for plan in plans])
        Membership.objects.bulk_create(
            Membership(
                network=self.network,
                organisation=plan.organisation,
                joined_on=joined,
                left_on=left,
                leave_reason=reason,
            )
            for plan in plans
            for joined, left, reason in plan.periods
        )

    def _position(self, plan, person, role, start, end, note="") -> ContactPosition:
        return ContactPosition(
            network=self.network,
            organisation=plan.organisation,
            person=person,
            role=role,
            started_on=start,
            ended_on=end,
            handover_note=note,
        )

    def _plan_mains(self, plan: OrgPlan, note: str) -> None:
        """One main contact per membership period; a handover splits the current one in two."""
        ranges = [(joined, left) for joined, left, _reason in plan.periods]
        if plan.handover_on:
            joined, left = ranges.pop()
            ranges += [(joined, plan.handover_on), (plan.handover_on, left)]
        login = self.logins.get(plan.organisation.name)
        for number, (start, end) in enumerate(ranges):
            is_current = number == len(ranges) - 1
            person = self.person(plan, login=login if is_current else None)
            handed_over = plan.handover_on is not None and end == plan.handover_on
            plan.mains.append(
                self._position(
                    plan,
                    person,
                    data.CONTACT_ROLES["main"],
                    start,
                    end,
                    note if handed_over else "",
                )
            )

    def save_contacts(self, plans: list[OrgPlan], *, people: int) -> None:
        """Main contacts (with handovers), then deputies until the network has `people`."""
        for index, plan in enumerate(plans):
            self._plan_mains(plan, data.HANDOVER_NOTES[index % len(data.HANDOVER_NOTES)])
        deputies = []
        for plan in self.rng.sample(plans, k=min(max(0, people - len(self.people)), len(plans))):
            start = date_between(self.rng, plan.joined, plan.left or DEMO_TODAY)
            deputies.append(
                self._position(
                    plan, self.person(plan), data.CONTACT_ROLES["deputy"], start, plan.left
                )
            )
        # Saving fills in the people's keys; the positions pick them up when they are saved.
        Person.objects.bulk_create(self.people)
        successors = [plan.mains[-1] for plan in plans if plan.handover_on]
        waiting = {id(p) for p in successors}
        ContactPosition.objects.bulk_create(
            [p for plan in plans for p in plan.mains if id(p) not in waiting] + deputies
        )
        for plan in plans:
            if plan.handover_on:
                plan.mains[-1].predecessor = plan.mains[-2]
        ContactPosition.objects.bulk_create(successors)

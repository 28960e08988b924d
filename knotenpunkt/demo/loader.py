"""Loads the demo networks: fictional, the same on every machine, and safe to run twice.

A network that exists already is left alone, except that Musterstadt gets its working
groups, meetings and wiki if it has no working group yet, its event calendar if it has
no event yet, and its info mail if it has no issue yet (a demo loaded before they existed).
The demo accounts and their roles are ensured on every run, so that `make run` can always
print working logins, and the search index is rebuilt.

The members' history ends on a fixed day (builder.DEMO_TODAY); the meetings and the events
are placed around the day of loading, so that the demo always has past and upcoming ones.
"""

import random
from datetime import date, timedelta

from django.conf import settings
from django.db import transaction
from django_scopes import scopes_disabled

from knotenpunkt.accounts.models import NetworkRole, Role, User
from knotenpunkt.accounts.services import role_grant
from knotenpunkt.core.dates import network_today
from knotenpunkt.core.models import Network
from knotenpunkt.core.search import search_reindex
from knotenpunkt.core.services import network_create
from knotenpunkt.eventcalendar.models import Event
from knotenpunkt.infomail.models import Mailing
from knotenpunkt.members.models import AgreementSignature, AgreementVersion, Person
from knotenpunkt.offers.models import Service
from knotenpunkt.publishing.models import NewsItem
from knotenpunkt.voices.models import Voice
from knotenpunkt.workinggroups.models import WorkingGroup

from . import data
from .builder import DEMO_TODAY, Builder, DemoLogin, OrgPlan, date_between, moment
from .events import calendar_add
from .groups import group_year, groups_add
from .infomail import infomail_add
from .offers import offers_add
from .plenaries import plenaries_add
from .rows import Demo
from .site import site_add
from .voices import voices_add
from .wiki import wiki_add

SEED = 20040301
FOUNDED = date(2004, 3, 1)
DEMO_PASSWORD = "demo"
MUSTERSTADT_PEOPLE = 150
HANDOVERS = 12
# Most members joined early or after the refugee arrivals of 2015/16 (network profile §3).
JOIN_YEARS = [2004] * 8 + list(range(2005, 2025)) + [2015, 2016, 2016, 2017] * 2

# The demo member took over the contact role from a predecessor: the handover shows.
MEMBER_HANDOVER_ON = date(2023, 9, 1)
LOGINS = [
    DemoLogin(
        "coordinator@musterstadt.example",
        Role.COORDINATOR,
        "musterstadt",
        "Jana Brückner",
        "Brückenwerk gGmbH",
        granted_on=date(2018, 2, 1),
    ),
    DemoLogin(
        "member@musterstadt.example",
        Role.MEMBER_CONTACT,
        "musterstadt",
        "Aylin Demir",
        "Kulturverein Brückenschlag e.V.",
        ("de", "tr", "en"),
        granted_on=MEMBER_HANDOVER_ON,
    ),
    DemoLogin(
        "city@musterstadt.example",
        Role.CITY_LIAISON,
        "musterstadt",
        "Tobias Stadler",
        "Stadtverwaltung Musterstadt – Amt für Integration und Migration",
        granted_on=date(2021, 4, 15),
    ),
    DemoLogin(
        "coordinator@beispielhausen.example",
        Role.COORDINATOR,
        "beispielhausen",
        "Lena Hartung",
        "Nachbarschaftshilfe Beispielhausen e.V.",
        granted_on=date(2019, 6, 3),
    ),
]
# The networks with working groups, meetings and a wiki, and who of their logins wrote what.
WITH_MEETINGS = {"musterstadt"}
WITH_CALENDAR = {"musterstadt"}
WITH_INFOMAIL = {"musterstadt"}
WITH_OFFERS = {"musterstadt"}
WITH_VOICES = {"musterstadt"}
AUTHOR_KEYS = {
    Role.COORDINATOR: "coordinator",
    Role.MEMBER_CONTACT: "member",
    Role.CITY_LIAISON: "city",
}


def demo_load() -> list[str]:
    """Create whatever part of the demo is missing; returns what was added now."""
    created = []
    builders = {"musterstadt": _build_musterstadt, "beispielhausen": _build_beispielhausen}
    with scopes_disabled(), transaction.atomic():
        users = {login.email: _ensure_user(login) for login in LOGINS}
        for slug, build in builders.items():
            logins = [login for login in LOGINS if login.network_slug == slug]
            network = Network.objects.filter(slug=slug).first()
            if network is None:
                # A string seed is hashed with SHA-512: the same rows on every machine.
                network = build(random.Random(f"{SEED}-{slug}"), users, logins)
                created.append(slug)
            for login in logins:
                user = users[login.email]
                role = role_grant(network=network, user=user, role=login.role, actor=None)
                # The role was given years ago, not on the day the demo was loaded.
                NetworkRole.objects.filter(pk=role.pk).update(granted_at=moment(login.granted_on))
                Person.objects.filter(
                    network=network, email__iexact=login.email, user__isnull=True
                ).update(user=user)
            if slug in WITH_MEETINGS and not WorkingGroup.objects.filter(network=network).exists():
                _build_meetings(network, users, logins)
                if slug not in created:
                    created.append(f"{slug} (working groups, meetings, knowledge base)")
            if slug in WITH_CALENDAR and not Event.objects.filter(network=network).exists():
                _build_calendar(network, users, logins)
                if slug not in created:
                    created.append(f"{slug} (event calendar)")
            if slug in WITH_INFOMAIL and not Mailing.objects.filter(network=network).exists():
                _build_infomail(network, users, logins)
                if slug not in created:
                    created.append(f"{slug} (info mail)")
            if slug in WITH_VOICES and not Voice.objects.filter(network=network).exists():
                _build_voices(network, users, logins)
                if slug not in created:
                    created.append(f"{slug} (voices)")
            if slug in WITH_INFOMAIL and not NewsItem.objects.filter(network=network).exists():
                _build_site(network, users, logins)
                if slug not in created:
                    created.append(f"{slug} (news, legal and easy-read pages)")
            if slug in WITH_OFFERS and not Service.objects.filter(network=network).exists():
                rng = random.Random(f"{SEED}-{network.slug}-offers")
                offers_add(network, rng, network_today(network))
                if slug not in created:
                    created.append(f"{slug} (offers)")
            search_reindex(network)
    return created


def _ensure_user(login: DemoLogin) -> User:
    user = User.objects.filter(email=login.email).first()
    if user is None:
        user = User.objects.create_user(
            login.email, password=DEMO_PASSWORD, full_name=login.full_name
        )
    return user


def _build_musterstadt(rng: random.Random, users: dict, logins: list[DemoLogin]) -> Network:
    network = network_create(
        slug="musterstadt",
        name="Netzwerk für Integration Musterstadt",
        city="Musterstadt",
        language="de",
        languages=[code for code, _name in settings.LANGUAGES],
        coordinating_body="Brückenwerk gGmbH",
        contact_email="netzwerk@brueckenwerk.example",
    )
    Network.objects.filter(pk=network.pk).update(
        contact_phone="0123 456780",
        address="Brückenwerk gGmbH\nAnger 12\n12345 Musterstadt",
        imprint_responsible="Jana Brückner, Netzwerkkoordination",
    )
    builder = Builder(network, rng, users, logins)
    anchors = {login.organisation for login in logins}
    plans = [
        builder.organisation(
            kind,
            name,
            group,
            public=kind == "administration" or name in anchors or rng.random() < 0.85,
        )
        for kind, entries in data.MUSTERSTADT_ORGANISATIONS.items()
        for name, group in entries
    ]
    coordinator = next(login for login in logins if login.role == Role.COORDINATOR)
    member = next(login for login in logins if login.role == Role.MEMBER_CONTACT)
    _give_history(plans, rng, anchors, member.organisation)
    builder.save_organisations(plans)
    builder.save_contacts(plans, people=MUSTERSTADT_PEOPLE)
    _agreements(
        network,
        plans,
        rng,
        recorded_by=users[coordinator.email],
        not_signed_current={member.organisation},
    )
    return network


def _build_meetings(network: Network, users: dict, logins: list[DemoLogin]) -> None:
    """The working groups with a year of their meetings, the plenaries, and the wiki."""
    authors = {AUTHOR_KEYS[login.role]: users[login.email] for login in logins}
    rng = random.Random(f"{SEED}-{network.slug}-meetings")
    demo = Demo.start(network, rng, authors=authors)
    plans = groups_add(demo)
    for plan in plans:
        group_year(demo, plan)
    plenaries_add(demo)
    wiki_add(demo, {plan.group.slug: plan.group for plan in plans})
    demo.rows.save()


def _build_calendar(network: Network, users: dict, logins: list[DemoLogin]) -> None:
    """About 150 events of the coming four months and a draft edition (events.py)."""
    authors = {AUTHOR_KEYS[login.role]: users[login.email] for login in logins}
    demo = Demo.start(network, random.Random(f"{SEED}-{network.slug}-calendar"), authors=authors)
    calendar_add(demo)


def _build_voices(network: Network, users: dict, logins: list[DemoLogin]) -> None:
    """About forty voices in seven languages, in every state (voices.py)."""
    coordinator = next(users[login.email] for login in logins if login.role == Role.COORDINATOR)
    demo = Demo.start(network, random.Random(f"{SEED}-{network.slug}-voices"), authors={})
    voices_add(demo, answered_by=coordinator)


def _build_infomail(network: Network, users: dict, logins: list[DemoLogin]) -> None:
    """About 300 subscribers, three sent issues and a draft (infomail.py)."""
    authors = {AUTHOR_KEYS[login.role]: users[login.email] for login in logins}
    demo = Demo.start(network, random.Random(f"{SEED}-{network.slug}-infomail"), authors=authors)
    infomail_add(demo)


def _build_site(network: Network, users: dict, logins: list[DemoLogin]) -> None:
    """The home page's introduction, news and the pages filled from their ready texts."""
    authors = {AUTHOR_KEYS[login.role]: users[login.email] for login in logins}
    site_add(Demo.start(network, random.Random(f"{SEED}-{network.slug}-site"), authors=authors))


def _give_history(
    plans: list[OrgPlan], rng: random.Random, anchors: set[str], member_organisation: str
) -> None:
    """Join dates, members who left (with a reason), one who re-joined, and handovers."""
    for plan in plans:
        if plan.organisation.name in anchors:
            joined = FOUNDED
        else:
            year = rng.choice(JOIN_YEARS)
            last_day = min(date(year, 12, 31), DEMO_TODAY - timedelta(days=60))
            joined = date_between(rng, date(year, 1, 1), last_day)
        plan.periods = [(joined, None, "")]
    ordinary = [plan for plan in plans if plan.organisation.name not in anchors]

    rejoiner = rng.choice([plan for plan in ordinary if plan.joined < date(2012, 1, 1)])
    left_on = date_between(rng, rejoiner.joined + timedelta(days=3 * 365), date(2017, 12, 31))
    rejoined_on = date_between(rng, date(2019, 2, 1), date(2019, 9, 30))
    rejoiner.periods = [(rejoiner.joined, left_on, data.REJOIN_REASON), (rejoined_on, None, "")]

    leaving = [p for p in ordinary if p is not rejoiner and p.joined < date(2021, 1, 1)]
    for plan, reason in zip(
        rng.sample(leaving, k=len(data.LEAVE_REASONS)), data.LEAVE_REASONS, strict=True
    ):
        left_on = date_between(rng, plan.joined + timedelta(days=365), DEMO_TODAY - timedelta(30))
        plan.periods = [(plan.joined, left_on, reason)]

    staying = [
        p for p in ordinary if p.left is None and p is not rejoiner and p.joined < date(2023, 6, 1)
    ]
    for plan in rng.sample(staying, k=HANDOVERS - 1):
        earliest = max(plan.joined + timedelta(days=365), date(2019, 1, 1))
        plan.handover_on = date_between(rng, earliest, DEMO_TODAY - timedelta(days=14))
    member_plan = next(plan for plan in plans if plan.organisation.name == member_organisation)
    member_plan.handover_on = MEMBER_HANDOVER_ON


def _agreements(network, plans, rng, *, recorded_by, not_signed_current: set[str]) -> None:
    """The 2019 and 2024 versions: many members signed the old one, fewer the current one."""
    versions = [
        AgreementVersion.objects.create(
            network=network, title=title, text=text, valid_from=date.fromisoformat(valid_from)
        )
        for title, valid_from, text in (data.AGREEMENT_2019, data.AGREEMENT_2024)
    ]
    old, current = versions
    signatures = []
    for plan in plans:
        name = plan.organisation.name
        for version, share, until in (
            (old, 0.85, current.valid_from),
            (current, 0.0 if name in not_signed_current else 0.5, DEMO_TODAY),
        ):
            start = max(version.valid_from, plan.joined)
            end = min(until - timedelta(days=1), plan.left or DEMO_TODAY)
            if start + timedelta(days=14) > end or rng.random() >= share:
                continue
            day = date_between(rng, start, min(end, start + timedelta(days=180)))
            signatures.append(
                AgreementSignature(
                    network=network,
                    organisation=plan.organisation,
                    version=version,
                    signed_on=day,
                    signed_by=plan.main_contact_on(day),
                    recorded_by=recorded_by,
                )
            )
    AgreementSignature.objects.bulk_create(signatures)


def _build_beispielhausen(rng: random.Random, users: dict, logins: list[DemoLogin]) -> Network:
    """A small second network: its coordinator sees none of Musterstadt's data."""
    network = network_create(
        slug="beispielhausen",
        name="Netzwerk für Integration Beispielhausen",
        city="Beispielhausen",
        language="de",
        languages=["de", "en", "ar", "uk"],
        coordinating_body="Nachbarschaftshilfe Beispielhausen e.V.",
        contact_email="netzwerk@beispielhausen.example",
    )
    builder = Builder(network, rng, users, logins)
    plans = [
        builder.organisation(kind, name, group, public=True)
        for kind, name, group in data.BEISPIELHAUSEN_ORGANISATIONS
    ]
    for plan in plans:
        plan.periods = [(date_between(rng, date(2016, 1, 1), date(2022, 12, 31)), None, "")]
    builder.save_organisations(plans)
    builder.save_contacts(plans, people=len(plans))
    return network

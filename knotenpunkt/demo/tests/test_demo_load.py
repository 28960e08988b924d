"""`manage.py demo_load`: refused outside DEBUG, shaped like the profile, idempotent, isolated."""

import pytest
from django.core.management.base import CommandError
from django.urls import reverse
from django_scopes import scope

from knotenpunkt.accounts.models import NetworkRole, User
from knotenpunkt.core.models import AuditEntry, Network, SearchEntry
from knotenpunkt.core.policy import roles_of
from knotenpunkt.demo.loader import DEMO_PASSWORD, LOGINS
from knotenpunkt.eventcalendar.models import Edition, Event, EventTranslation
from knotenpunkt.infomail.models import (
    Bounce,
    ConsentEvent,
    Delivery,
    Mailing,
    MailingVersion,
    Subscriber,
    Topic,
)
from knotenpunkt.knowledge.models import Page, Revision
from knotenpunkt.meetings.models import (
    ActionItem,
    AgendaItem,
    Attendance,
    CafeSession,
    Decision,
    Meeting,
    MinutesVersion,
    Registration,
)
from knotenpunkt.members.models import (
    AgreementSignature,
    AgreementVersion,
    ContactPosition,
    Membership,
    Organisation,
    OrganisationKind,
    Person,
)
from knotenpunkt.publishing.models import StaticPage
from knotenpunkt.workinggroups.models import Goal, GroupMembership, WorkingGroup

from .conftest import load, remove_meetings_and_groups

COUNTED = [
    Network,
    User,
    NetworkRole,
    AuditEntry,
    OrganisationKind,
    StaticPage,
    Organisation,
    Membership,
    Person,
    ContactPosition,
    AgreementVersion,
    AgreementSignature,
    WorkingGroup,
    GroupMembership,
    Goal,
    Meeting,
    AgendaItem,
    CafeSession,
    Registration,
    Attendance,
    MinutesVersion,
    Decision,
    ActionItem,
    Page,
    Revision,
    Event,
    EventTranslation,
    Edition,
    Topic,
    Subscriber,
    ConsentEvent,
    Mailing,
    MailingVersion,
    Delivery,
    Bounce,
    SearchEntry,
]


def counts() -> dict[str, int]:
    return {model.__name__: model.objects.count() for model in COUNTED}


def test_musterstadt_has_an_info_mail_with_readers_in_many_languages(musterstadt):
    """About 300 subscribers who each consented, three issues sent, one draft (issue 10)."""
    subscribers = Subscriber.objects.filter(network=musterstadt)
    assert 280 <= subscribers.count() <= 320
    assert set(subscribers.values_list("language", flat=True)) == {
        "de",
        "en",
        "tr",
        "ar",
        "uk",
        "ru",
        "fa",
    }
    assert Topic.objects.filter(network=musterstadt).count() >= 5
    for subscriber in subscribers.filter(status=Subscriber.Status.ACTIVE)[:50]:
        actions = list(subscriber.consent_events.values_list("action", flat=True))
        assert actions[:2] == ["requested", "confirmed"]
        assert subscriber.topics.exists()
    mailings = Mailing.objects.filter(network=musterstadt)
    assert mailings.filter(status=Mailing.Status.SENT).count() == 3
    assert mailings.filter(status=Mailing.Status.DRAFT).count() == 1
    for mailing in mailings.filter(status=Mailing.Status.SENT):
        assert mailing.versions.count() >= 4
        # Kept as they went out, so the archive shows what readers got.
        for version in mailing.versions.all():
            assert version.subject in version.sent_text and version.subject in version.sent_html
        recipients = mailing.deliveries.values_list("subscriber__status", flat=True)
        assert len(recipients) > 200
        assert "pending" not in recipients


def test_refused_without_debug(db, settings):
    settings.DEBUG = False
    with pytest.raises(CommandError, match="KNOTENPUNKT_DEBUG=1"):
        load()
    assert not Network.objects.exists()
    assert not User.objects.filter(email__endswith=".example").exists()


def test_prints_the_demo_logins(demo):
    for login in LOGINS:
        assert login.email in demo
    assert f"password: {DEMO_PASSWORD}" in demo


def test_musterstadt_is_shaped_like_the_network_profile(musterstadt):
    assert musterstadt.name == "Netzwerk für Integration Musterstadt"
    assert musterstadt.coordinating_body
    assert musterstadt.languages == ["de", "en", "tr", "ar", "uk", "ru", "fa"]
    organisations = Organisation.objects.filter(network=musterstadt)
    assert 75 <= organisations.count() <= 85
    kinds_used = set(organisations.values_list("kind__key", flat=True))
    assert len(kinds_used) == 8
    assert organisations.filter(public_listing=True).count() >= 0.7 * organisations.count()
    assert StaticPage.objects.filter(network=musterstadt, slug="imprint").exists()

    people = Person.objects.filter(network=musterstadt)
    assert 140 <= people.count() <= 160
    assert all(email.endswith(".example") for email in people.values_list("email", flat=True))
    spoken = {
        code for languages in people.values_list("languages", flat=True) for code in languages
    }
    assert {"de", "tr", "ar", "uk", "ru", "fa"} <= spoken


def test_musterstadt_has_a_history(musterstadt):
    memberships = Membership.objects.filter(network=musterstadt)
    left = memberships.filter(left_on__isnull=False)
    assert left.count() >= 5
    assert all(left.values_list("leave_reason", flat=True))
    rejoined = [
        organisation
        for organisation in Organisation.objects.filter(network=musterstadt)
        if organisation.memberships.count() > 1
    ]
    assert len(rejoined) == 1
    periods = list(rejoined[0].memberships.order_by("joined_on"))
    assert periods[0].left_on < periods[1].joined_on and periods[1].left_on is None

    handovers = ContactPosition.objects.filter(network=musterstadt, predecessor__isnull=False)
    assert handovers.count() >= 5
    for successor in handovers.select_related("predecessor"):
        assert successor.predecessor.organisation_id == successor.organisation_id
        assert successor.predecessor.ended_on == successor.started_on
        assert successor.predecessor.person_id != successor.person_id


def test_many_signed_the_old_agreement_fewer_the_current(musterstadt):
    old, current = AgreementVersion.objects.filter(network=musterstadt).order_by("valid_from")
    assert (old.valid_from.year, current.valid_from.year) == (2019, 2024)
    assert "##" in current.text
    signed_old = AgreementSignature.objects.filter(version=old).count()
    signed_current = AgreementSignature.objects.filter(version=current).count()
    assert signed_old > signed_current > 0
    for signature in AgreementSignature.objects.filter(version=current):
        assert signature.signed_on >= current.valid_from


@pytest.mark.cross_network("counts the rows of every network the demo holds")
def test_second_run_adds_nothing(demo):
    before = counts()
    output = load()
    assert counts() == before
    assert "nothing added" in output


def test_second_run_restores_the_demo_roles(musterstadt):
    coordinator = User.objects.get(email="coordinator@musterstadt.example")
    NetworkRole.objects.filter(user=coordinator).delete()
    load()
    assert roles_of(User.objects.get(pk=coordinator.pk), musterstadt) == {"coordinator"}
    assert Organisation.objects.filter(network=musterstadt).count() <= 85


def test_the_team_page_dates_each_role_when_it_was_given(musterstadt, client):
    """Not the day the demo was loaded: each demo role has the date it was granted."""
    client.force_login(User.objects.get(email="coordinator@musterstadt.example"))
    page = client.get("/de/musterstadt/manage/team/").content.decode()
    for login in LOGINS:
        if login.network_slug == "musterstadt":
            assert login.granted_on.strftime("%d.%m.%Y") in page
    roles = NetworkRole.objects.filter(network=musterstadt)
    assert len(set(roles.values_list("granted_at", flat=True))) == 3


def test_beispielhausen_sees_none_of_musterstadt(musterstadt):
    beispielhausen = Network.objects.get(slug="beispielhausen")
    musterstadt_names = set(
        Organisation.objects.filter(network=musterstadt).values_list("name", flat=True)
    )
    with scope(network=beispielhausen):
        visible = list(Organisation.objects.all())
        people = list(Person.objects.all())
    assert len(visible) == 5
    assert not {organisation.name for organisation in visible} & musterstadt_names
    assert {person.network_id for person in people} == {beispielhausen.pk}


def test_beispielhausen_coordinator_cannot_manage_musterstadt(musterstadt, client):
    client.force_login(User.objects.get(email="coordinator@beispielhausen.example"))
    assert client.get("/de/beispielhausen/manage/members/").status_code == 200
    assert client.get("/de/musterstadt/manage/members/").status_code == 403


@pytest.mark.parametrize("login", LOGINS, ids=lambda login: login.email)
def test_demo_users_can_log_in(demo, client, login):
    response = client.post(
        reverse("accounts:login"), {"username": login.email, "password": DEMO_PASSWORD}
    )
    assert response.status_code == 302
    user = User.objects.get(email=login.email)
    assert client.session["_auth_user_id"] == str(user.pk)
    network = Network.objects.get(slug=login.network_slug)
    assert roles_of(user, network) == {login.role}


def test_demo_member_speaks_for_an_organisation(musterstadt):
    member = User.objects.get(email="member@musterstadt.example")
    person = Person.objects.get(network=musterstadt, user=member)
    position = ContactPosition.objects.get(person=person, ended_on__isnull=True)
    assert position.organisation.name == "Kulturverein Brückenschlag e.V."
    assert position.predecessor is not None


def _snapshot():
    return sorted(
        Person.objects.values_list(
            "network__slug",
            "full_name",
            "email",
            "positions__organisation__name",
            "positions__started_on",
            "positions__ended_on",
        )
    )


def _meetings_snapshot():
    """Groups, meetings and seats, with the calendar UIDs (made from the seeded chance)."""
    return [
        sorted(map(repr, rows))
        for rows in (
            GroupMembership.objects.values_list(
                "group__slug", "person__full_name", "is_lead", "joined_on", "left_on"
            ),
            Meeting.objects.values_list("title", "starts_at", "uid", "status"),
            Registration.objects.values_list(
                "meeting__title", "session__title", "person__full_name", "status"
            ),
            ActionItem.objects.values_list("text", "owner__full_name", "due_on", "status"),
        )
    ]


@pytest.mark.cross_network("compares both demo networks, before and after loading them anew")
def test_the_demo_is_the_same_on_every_load(demo):
    first = _snapshot(), _meetings_snapshot()
    remove_meetings_and_groups()
    for model in (
        AgreementSignature,
        ContactPosition,
        AgreementVersion,
        Membership,
        Person,
        Organisation,
    ):
        model.objects.all().delete()
    Network.objects.all().delete()
    load()
    assert (_snapshot(), _meetings_snapshot()) == first


def test_a_demo_loaded_before_the_working_groups_gets_them(musterstadt):
    remove_meetings_and_groups()
    output = load()
    assert "musterstadt (working groups, meetings, knowledge base)" in output
    assert WorkingGroup.objects.filter(network=musterstadt).count() == 8
    assert Organisation.objects.filter(network=musterstadt).count() <= 85  # members untouched
    assert SearchEntry.objects.filter(network=musterstadt, target_type="meetings.meeting").exists()

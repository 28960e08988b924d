"""No write service stores text longer than its column, whoever calls it.

The forms bound each text (test_form_lengths.py), but a task, a command, an import or a future
API calls the services directly: PostgreSQL refuses over-long text with an error (a 500),
SQLite silently keeps it. So each service below gets, for each text it stores in a CharField,
a value one character longer than the column: it must refuse it with Django's wording, naming
the field, and write nothing; a value of exactly the column's length is stored.

The texts of a service are found in its signature (the keyword arguments named after columns of
its model) or, for services that take a dict of changes, in the names the app lets through.
`test_every_write_service_with_text_is_checked` walks every write (atomic) function of the
project, so that a new one that takes text of a column must be added here or said to need none.
"""

import datetime
import importlib
import inspect
import pkgutil
from dataclasses import dataclass, field

import pytest
from django.apps import apps
from django.db import models
from django.utils import translation

import knotenpunkt
from knotenpunkt.accounts import services as accounts
from knotenpunkt.accounts.models import Role, User
from knotenpunkt.core import services as core
from knotenpunkt.core.models import Network
from knotenpunkt.core.testing import refused
from knotenpunkt.eventcalendar import services as events
from knotenpunkt.eventcalendar.import_tasks import event_source_create
from knotenpunkt.eventcalendar.models import Event, EventSource, EventTranslation
from knotenpunkt.eventcalendar.tests.factories import EventFactory
from knotenpunkt.infomail import services_topics as topics
from knotenpunkt.infomail.models import Topic
from knotenpunkt.infomail.tests.factories import topic_make
from knotenpunkt.knowledge import services as knowledge
from knotenpunkt.knowledge.models import Page, Revision, Visibility
from knotenpunkt.knowledge.tests.factories import make_page
from knotenpunkt.meetings import services as meetings
from knotenpunkt.meetings.models import ActionItem, AgendaItem, CafeSession, Meeting
from knotenpunkt.meetings.tests.factories import (
    AgendaItemFactory,
    CafeSessionFactory,
    MeetingFactory,
)
from knotenpunkt.members import services as members
from knotenpunkt.members.import_jobs import import_job_create
from knotenpunkt.members.models import (
    AgreementVersion,
    ContactPosition,
    ImportJob,
    Membership,
    Organisation,
    Person,
)
from knotenpunkt.members.tests.factories import (
    MembershipFactory,
    OrganisationFactory,
    PersonFactory,
    kind_of,
)
from knotenpunkt.offers import services as offers
from knotenpunkt.offers import services_places as offer_places
from knotenpunkt.offers.models import Location, Schedule
from knotenpunkt.offers.models import Service as Offer
from knotenpunkt.offers.tests.factories import location_make, service_make
from knotenpunkt.publishing import services as publishing
from knotenpunkt.publishing import services_news as news
from knotenpunkt.publishing.models import (
    NewsItem,
    NewsTranslation,
    StaticPage,
    StaticPageTranslation,
)
from knotenpunkt.workinggroups import services as groups
from knotenpunkt.workinggroups.models import Goal, WorkingGroup
from knotenpunkt.workinggroups.tests.factories import GoalFactory, WorkingGroupFactory

TOO_LONG = "Ensure this value has at most %(limit_value)d characters (it has %(show_value)d)."
START = datetime.datetime(2030, 3, 4, 17, 0, tzinfo=datetime.UTC)
END = START + datetime.timedelta(hours=2)
LINK_FIELDS = {"website", "online_link", "registration_url", "url", "video_url"}

# Columns a service fills with something else than the text given, or whose value has a form
# of its own that refuses any over-long one first.
NOT_TAKEN_AS_GIVEN = {
    ("accounts.User", "password"): "stored as a hash",
    ("core.Network", "time_zone"): "a zone name, checked against the zone database",
    ("core.Network", "accent_colour"): "a colour, # and six hexadecimal digits",
    ("eventcalendar.Event", "time_zone"): "a zone name, checked against the zone database",
    ("eventcalendar.Event", "rrule"): "a repetition rule, parsed and bounded by its own rule",
    ("workinggroups.WorkingGroup", "slug"): "made from the text and shortened to the column",
}

# Write functions whose arguments share a name with a column of their app without being
# stored in it as given.
NO_TEXT_OF_A_COLUMN = {
    "knotenpunkt.publishing.services_home.home_block_move": "the template is a registered block",
    "knotenpunkt.publishing.services_home.home_block_show": "the template is a registered block",
    "knotenpunkt.meetings.records.minutes_save": "the minutes are a TextField",
    "knotenpunkt.meetings.records.decision_record": "a decision is a TextField",
    "knotenpunkt.knowledge.services.document_upload": "the title is shortened to the column",
    "knotenpunkt.members.csv_import.csv_import_run": "the file name goes to the audit summary",
    "knotenpunkt.infomail.services_sending.mailing_send_test": (
        "the language is one of the network's"
    ),
    "knotenpunkt.infomail.services_subscribers.subscriber_request": (
        "the language is one of the network's; the address is checked as an address"
    ),
    "knotenpunkt.infomail.services_subscribers.subscriber_preferences_change": (
        "the language is one of the network's"
    ),
    "knotenpunkt.infomail.services_subscribers.subscriber_subscribe_self": (
        "the language is one of the network's"
    ),
    "knotenpunkt.core.spam.rate_count": "the bucket is a name from the code, the client a hash",
    "knotenpunkt.voices.services.voice_submit": (
        "the language is one of the site's; the phone number's rule checks its length first "
        "(voices/tests/test_voices.py)"
    ),
}


def text_columns(model) -> dict[str, int]:
    """The model's columns of free text (not choices, not e-mail addresses) and their lengths."""
    return {
        column.name: column.max_length
        for column in model._meta.get_fields()
        if isinstance(column, models.CharField)
        and not isinstance(column, models.EmailField)
        and not column.choices
    }


@dataclass
class Service:
    """A write service, the model its text lands in and a valid call to it."""

    function: object
    models: tuple
    call: object  # (network, actor, **texts) -> the saved object
    fields: tuple | None = None  # the names a service taking **changes or data lets through
    renamed: dict = field(default_factory=dict)  # {argument: column}

    @property
    def name(self) -> str:
        return f"{self.function.__module__}.{self.function.__name__}"

    def texts(self) -> dict[str, tuple]:
        """{argument: (model, column, max_length)} of the text this service stores."""
        if self.fields is not None:
            arguments = self.fields
        else:
            arguments = list(inspect.signature(self.function).parameters)
        found = {}
        for argument in arguments:
            column = self.renamed.get(argument, argument)
            for model in self.models:
                limit = text_columns(model).get(column)
                if limit is None or (model._meta.label, column) in NOT_TAKEN_AS_GIVEN:
                    continue
                if argument not in found or limit < found[argument][2]:
                    found[argument] = (model, column, limit)
        return found


def text_of(argument: str, length: int) -> str:
    if argument in LINK_FIELDS:
        return "https://example.org/" + "x" * (length - 20)
    return "x" * length


# The calls --------------------------------------------------------------------------------


def _invited_account(network, actor, **texts):
    invitation = accounts.invitation_create(
        network=network, email="neu@example.org", role=Role.MEMBER_CONTACT, actor=actor
    )
    return accounts.account_create_from_invitation(
        invitation=invitation, password="ein langes Passwort 42", **{"full_name": "Ada", **texts}
    )


def _opening(network, actor, **texts):
    service = service_make(network)
    return offer_places.schedule_add(
        service=service,
        location=location_make(network, organization=service.organization),
        actor=actor,
        byday="MO",
        opens_at=datetime.time(9),
        closes_at=datetime.time(12),
        **texts,
    )


def _network(network, actor, **texts):
    values = {"slug": "neustadt", "name": "Neustadt", "city": "Neustadt", **texts}
    return core.network_create(actor=actor, **values)


def _event_data(network, **texts):
    return {
        "title": "Sprachcafé",
        "original_language": "de",
        "organiser": OrganisationFactory(network=network),
        "starts_at": START,
        "ends_at": END,
        "time_zone": "Europe/Berlin",
        "place_name": "Stadtteilzentrum",
        "audiences": ["everyone"],
        "languages": ["de"],
        "is_free": False,
        **texts,
    }


def _event_update(network, actor, **texts):
    event = EventFactory(network=network, organiser=OrganisationFactory(network=network))
    return events.event_update(event=event, actor=actor, data={"is_free": False, **texts})


def _translation(network, actor, **texts):
    event = EventFactory(network=network, organiser=OrganisationFactory(network=network))
    return events.translation_save(
        event=event, actor=actor, language="en", description="", **{"title": "Café", **texts}
    )


def _source(network, actor, **texts):
    values = {"name": "Kalender", "url": "https://example.org/kalender.ics", **texts}
    return event_source_create(
        network=network, actor=actor, organisation=OrganisationFactory(network=network), **values
    )


def _page_update(network, actor, **texts):
    page = make_page(network)
    values = {"title": "Neu", "body": "Neuer Text", "visibility": Visibility.NETWORK, **texts}
    knowledge.page_update(page=page, actor=actor, **values)
    page.refresh_from_db()
    return page


def _meeting(network, actor, **texts):
    values = {"kind": "plenary", "title": "Plenum", "starts_at": START, "ends_at": END, **texts}
    return meetings.meeting_create(network=network, actor=actor, **values)


def _plenary(network):
    return MeetingFactory(network=network, kind="plenary", starts_at=START, ends_at=END)


def _session(network, actor, **texts):
    values = {"kind": "cafe", "title": "Café", "starts_at": START, "ends_at": END, **texts}
    return meetings.cafe_session_create(meeting=_plenary(network), actor=actor, **values)


def _session_update(network, actor, **texts):
    session = CafeSessionFactory(meeting=_plenary(network))
    return meetings.cafe_session_update(session=session, actor=actor, **texts)


def _agenda_item_update(network, actor, **texts):
    item = AgendaItemFactory(meeting=MeetingFactory(network=network))
    return meetings.agenda_item_update(item=item, actor=actor, **{"title": "Bericht", **texts})


def _organisation(network, actor, **texts):
    values = {"name": "Verein", **texts}
    return members.organisation_create(
        network=network, actor=actor, kind=kind_of(network), **values
    )


def _membership_leave(network, actor, **texts):
    organisation = OrganisationFactory(network=network)
    MembershipFactory(organisation=organisation, joined_on=datetime.date(2020, 1, 1))
    return members.membership_leave(
        organisation=organisation, actor=actor, left_on=datetime.date(2024, 1, 1), **texts
    )


def _position(network, actor, **texts):
    return members.position_open(
        organisation=OrganisationFactory(network=network),
        actor=actor,
        started_on=datetime.date(2024, 1, 1),
        person=PersonFactory(network=network),
        **texts,
    )


def _static_page_text(network, actor, **texts):
    page = StaticPage.objects.filter(network=network).first()
    values = {"title": "Impressum", "body": "Text", **texts}
    return publishing.static_page_text_save(page=page, language="en", actor=actor, **values)


def _news(network, actor):
    return news.news_create(network=network, actor=actor, title="Neu", body="Text")


SERVICES = [
    Service(
        topics.topic_create,
        (Topic,),
        lambda network, actor, **texts: topics.topic_create(network=network, actor=actor, **texts),
    ),
    Service(
        topics.topic_update,
        (Topic,),
        lambda network, actor, **texts: topics.topic_update(
            topic=topic_make(network, "Thema"), actor=actor, **texts
        ),
    ),
    Service(accounts.account_create_from_invitation, (User,), _invited_account),
    Service(
        accounts.account_update,
        (User,),
        lambda network, actor, **texts: accounts.account_update(
            user=actor, preferred_language="de", **{"full_name": "Ada", **texts}
        ),
    ),
    Service(core.network_create, (Network,), _network),
    Service(
        core.network_update,
        (Network,),
        lambda network, actor, **texts: core.network_update(network=network, actor=actor, **texts),
        fields=core.NETWORK_SETTINGS_FIELDS,
    ),
    Service(
        events.event_submit,
        (Event,),
        lambda network, actor, **texts: events.event_submit(
            network=network, actor=actor, data=_event_data(network, **texts)
        ),
        fields=events.EVENT_FIELDS,
    ),
    Service(events.event_update, (Event,), _event_update, fields=events.EVENT_FIELDS),
    Service(events.translation_save, (EventTranslation,), _translation),
    Service(event_source_create, (EventSource,), _source),
    Service(
        knowledge.page_create,
        (Page, Revision),
        lambda network, actor, **texts: knowledge.page_create(
            network=network, actor=actor, **{"title": "Seite", **texts}
        ),
    ),
    Service(knowledge.page_update, (Page, Revision), _page_update),
    Service(meetings.meeting_create, (Meeting,), _meeting),
    Service(
        meetings.meeting_update,
        (Meeting,),
        lambda network, actor, **texts: meetings.meeting_update(
            meeting=_plenary(network), actor=actor, **texts
        ),
        fields=meetings.MEETING_FIELDS,
    ),
    Service(meetings.cafe_session_create, (CafeSession,), _session),
    Service(
        meetings.cafe_session_update,
        (CafeSession,),
        _session_update,
        fields=meetings.SESSION_FIELDS,
    ),
    Service(
        meetings.agenda_item_add,
        (AgendaItem,),
        lambda network, actor, **texts: meetings.agenda_item_add(
            meeting=MeetingFactory(network=network), actor=actor, **{"title": "Bericht", **texts}
        ),
    ),
    Service(meetings.agenda_item_update, (AgendaItem,), _agenda_item_update),
    Service(
        meetings.action_item_create,
        (ActionItem,),
        lambda network, actor, **texts: meetings.action_item_create(
            meeting=MeetingFactory(network=network), actor=actor, **{"text": "Einladen", **texts}
        ),
    ),
    Service(members.organisation_create, (Organisation,), _organisation),
    Service(
        members.organisation_update,
        (Organisation,),
        lambda network, actor, **texts: members.organisation_update(
            organisation=OrganisationFactory(network=network), actor=actor, **texts
        ),
        fields=members.ORGANISATION_FIELDS,
    ),
    Service(
        members.membership_leave,
        (Membership,),
        _membership_leave,
        renamed={"reason": "leave_reason"},
    ),
    Service(
        members.person_create,
        (Person,),
        lambda network, actor, **texts: members.person_create(
            network=network, actor=actor, **{"full_name": "Ada", **texts}
        ),
    ),
    Service(
        members.person_update,
        (Person,),
        lambda network, actor, **texts: members.person_update(
            person=PersonFactory(network=network), actor=actor, **texts
        ),
        fields=members.PERSON_FIELDS,
    ),
    Service(members.position_open, (ContactPosition,), _position),
    Service(
        members.agreement_version_create,
        (AgreementVersion,),
        lambda network, actor, **texts: members.agreement_version_create(
            network=network,
            actor=actor,
            text="Wir arbeiten zusammen.",
            valid_from=datetime.date(2024, 1, 1),
            **{"title": "Vereinbarung", **texts},
        ),
    ),
    Service(
        import_job_create,
        (ImportJob,),
        lambda network, actor, **texts: import_job_create(
            network=network,
            actor=actor,
            kind=ImportJob.Kind.PEOPLE,
            token="a" * 32,
            language="de",
            **{"filename": "leute.csv", **texts},
        ),
    ),
    Service(publishing.static_page_text_save, (StaticPageTranslation,), _static_page_text),
    Service(
        news.news_create,
        (NewsTranslation, NewsItem),
        lambda network, actor, **texts: news.news_create(
            network=network, actor=actor, **{"title": "Neu", "body": "Text", **texts}
        ),
    ),
    Service(
        news.news_text_save,
        (NewsTranslation,),
        lambda network, actor, **texts: news.news_text_save(
            item=_news(network, actor),
            actor=actor,
            language="en",
            **{"title": "New", "body": "Text", **texts},
        ),
    ),
    Service(
        news.news_image_set,
        (NewsItem,),
        lambda network, actor, **texts: news.news_image_set(
            item=_news(network, actor), actor=actor, **texts
        ),
    ),
    Service(
        publishing.sign_language_video_set,
        (StaticPage,),
        lambda network, actor, **texts: publishing.sign_language_video_set(
            page=StaticPage(network=network, slug="sign-language"), actor=actor, **texts
        ),
    ),
    Service(
        groups.group_create,
        (WorkingGroup,),
        lambda network, actor, **texts: groups.group_create(
            network=network,
            actor=actor,
            active_from=START.date(),
            **{"name": "AG Sprache", **texts},
        ),
    ),
    Service(
        groups.group_update,
        (WorkingGroup,),
        lambda network, actor, **texts: groups.group_update(
            group=WorkingGroupFactory(network=network), actor=actor, **texts
        ),
        fields=groups.GROUP_FIELDS,
    ),
    Service(
        groups.goal_create,
        (Goal,),
        lambda network, actor, **texts: groups.goal_create(
            group=WorkingGroupFactory(network=network), actor=actor, **{"text": "Treffen", **texts}
        ),
    ),
    Service(
        groups.goal_update,
        (Goal,),
        lambda network, actor, **texts: groups.goal_update(
            goal=GoalFactory(group=WorkingGroupFactory(network=network)), actor=actor, **texts
        ),
        fields=groups.GOAL_FIELDS,
    ),
    Service(
        offers.service_create,
        (Offer,),
        lambda network, actor, **texts: offers.service_create(
            organization=OrganisationFactory(network=network),
            actor=actor,
            **{"language": "de", "name": "Deutschkurs", **texts},
        ),
    ),
    Service(
        offers.service_update,
        (Offer,),
        lambda network, actor, **texts: offers.service_update(
            service=service_make(network),
            actor=actor,
            **{"language": "de", "name": "Deutschkurs", **texts},
        ),
    ),
    Service(
        offer_places.location_create,
        (Location,),
        lambda network, actor, **texts: offer_places.location_create(
            organization=OrganisationFactory(network=network),
            actor=actor,
            **{"name": "Bürgerhaus", **texts},
        ),
    ),
    Service(
        offer_places.location_update,
        (Location,),
        lambda network, actor, **texts: offer_places.location_update(
            location=location_make(network), actor=actor, **{"name": "Bürgerhaus", **texts}
        ),
    ),
    Service(
        offer_places.schedule_add,
        (Schedule,),
        lambda network, actor, **texts: _opening(network, actor, **texts),
    ),
]

CASES = [
    pytest.param(service, argument, *text, id=f"{service.function.__name__}.{argument}")
    for service in SERVICES
    for argument, text in service.texts().items()
]


@pytest.mark.django_db
@pytest.mark.parametrize(("service", "argument", "model", "column", "limit"), CASES)
def test_text_longer_than_its_column_is_refused(
    network, coordinator, service, argument, model, column, limit
):
    value = text_of(argument, limit + 1)
    with translation.override("en"), refused(TOO_LONG, field=argument) as raised:
        service.call(network, coordinator, **{argument: value})
    assert f"at most {limit} " in str(raised.value.message)
    assert not model.objects.filter(**{column: value}).exists()


@pytest.mark.django_db
@pytest.mark.parametrize(("service", "argument", "model", "column", "limit"), CASES)
def test_text_as_long_as_its_column_is_stored(
    network, coordinator, service, argument, model, column, limit
):
    value = text_of(argument, limit)
    service.call(network, coordinator, **{argument: value})
    assert model.objects.filter(**{column: value}).exists()


def test_every_service_takes_its_text_from_a_column():
    """A listed service stores text (a typo in a field list would leave it untested)."""
    assert all(service.texts() for service in SERVICES), [
        service.name for service in SERVICES if not service.texts()
    ]


def _write_functions():
    """Every public function of the project's modules that writes in one transaction."""
    for module_info in pkgutil.walk_packages(knotenpunkt.__path__, "knotenpunkt."):
        name = module_info.name
        parts = name.split(".")
        if parts[1] in ("tests", "demo", "locale") or {"tests", "migrations"} & set(parts):
            continue
        if parts[-1].startswith("views") or parts[-1] == "testing":
            continue
        module = importlib.import_module(name)
        for function in vars(module).values():
            if (
                inspect.isfunction(function)
                and function.__module__ == name
                and not function.__name__.startswith("_")
                and hasattr(function, "__wrapped__")  # transaction.atomic
            ):
                yield function


def test_every_write_service_with_text_is_checked():
    listed = {service.name for service in SERVICES}
    missing = []
    for function in _write_functions():
        app = function.__module__.split(".")[1]
        columns = set()
        for model in apps.get_app_config(app).get_models():
            columns |= set(text_columns(model))
        parameters = inspect.signature(function).parameters
        takes_text = any(
            name in columns or name == "data" or parameter.kind is parameter.VAR_KEYWORD
            for name, parameter in parameters.items()
        )
        name = f"{function.__module__}.{function.__name__}"
        if takes_text and name not in listed and name not in NO_TEXT_OF_A_COLUMN:
            missing.append(name)
    assert not missing, f"write services with text not checked here: {missing}"
    assert len(listed) == len(SERVICES)

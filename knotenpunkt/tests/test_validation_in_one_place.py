"""Each input rule lives once: a service called directly refuses what its form refuses.

For every rule a case gives the form (as a page binds it) and the service (as a task, a command
or an import would call it) the same value; both must refuse it with the same message, and the
service must name the field, so the page can show the message next to it.
"""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django_scopes import scope

from knotenpunkt.core.errors import DomainError
from knotenpunkt.eventcalendar import services as events
from knotenpunkt.eventcalendar.forms import EventForm
from knotenpunkt.eventcalendar.import_tasks import event_source_create
from knotenpunkt.eventcalendar.views_sources import SourceForm
from knotenpunkt.meetings import services as meetings
from knotenpunkt.meetings.forms import AgendaItemForm, CafeSessionForm, MeetingForm
from knotenpunkt.meetings.tests.factories import AgendaItemFactory, MeetingFactory
from knotenpunkt.members import services as members
from knotenpunkt.members.forms import OrganisationForm, PersonForm
from knotenpunkt.members.models import Organisation
from knotenpunkt.members.tests.factories import OrganisationFactory, kind_of
from knotenpunkt.workinggroups import services as groups
from knotenpunkt.workinggroups.forms import GroupForm
from knotenpunkt.workinggroups.models import WorkingGroup

START = datetime.datetime(2030, 3, 4, 17, 0, tzinfo=datetime.UTC)
END = START + datetime.timedelta(hours=2)

BAD_LINKS = ["ftp://example.org/x", "javascript:alert(1)", "file:///etc/passwd", "https://"]
# Valid addresses longer than their column (254): PostgreSQL refuses them, SQLite keeps them.
LONG_EMAIL = "ada@" + ".".join(["a" * 62] * 4) + ".org"
BAD_EMAILS = ["no-at-sign", "two@@example.org", "a@b", LONG_EMAIL]


def long_link(length: int) -> str:
    return "https://example.org/" + "x" * (length - 20 + 1)


def _meeting(network, actor, **values):
    return meetings.meeting_create(
        network=network,
        actor=actor,
        kind="plenary",
        title="Plenum",
        starts_at=START,
        ends_at=END,
        **values,
    )


def _session(network, actor, **values):
    meeting = MeetingFactory(network=network, kind="plenary", starts_at=START, ends_at=END)
    return meetings.cafe_session_create(
        meeting=meeting,
        actor=actor,
        kind="cafe",
        title="Café",
        starts_at=START,
        ends_at=END,
        **values,
    )


def _agenda_item(network, actor, **values):
    item = AgendaItemFactory(meeting=MeetingFactory(network=network))
    return meetings.agenda_item_update(item=item, actor=actor, title="Bericht", **values)


def _event(network, actor, **values):
    data = {
        "title": "Sprachcafé",
        "original_language": "de",
        "organiser": OrganisationFactory(network=network),
        "starts_at": START,
        "ends_at": END,
        "time_zone": "Europe/Berlin",
        "place_name": "Stadtteilzentrum",
        "audiences": ["everyone"],
        "languages": ["de"],
    }
    return events.event_submit(network=network, actor=actor, data={**data, **values})


def _source(network, actor, **values):
    organisation = OrganisationFactory(network=network)
    return event_source_create(
        network=network, actor=actor, organisation=organisation, name="Kalender", **values
    )


def _organisation(network, actor, **values):
    return members.organisation_create(
        network=network, actor=actor, name="Verein", kind=kind_of(network), **values
    )


def _person(network, actor, **values):
    return members.person_create(network=network, actor=actor, full_name="Ada", **values)


def _group(network, actor, **values):
    return groups.group_create(
        network=network, actor=actor, name="AG Sprache", active_from=START.date(), **values
    )


def _meeting_form(network):
    return lambda data: MeetingForm(data, network=network, groups=WorkingGroup.objects.none())


# (name, form maker, service call, field, bad values)
RULES = [
    ("meeting link", _meeting_form, _meeting, "online_link", [*BAD_LINKS, long_link(200)]),
    ("meeting capacity", _meeting_form, _meeting, "capacity", [0, -3, 100_001, 10**30]),
    (
        "session capacity",
        lambda network: (
            lambda data: CafeSessionForm(
                data, meeting=MeetingFactory(network=network, starts_at=START, ends_at=END)
            )
        ),
        _session,
        "capacity",
        [0, 10**30],
    ),
    (
        "agenda position",
        lambda network: AgendaItemForm,
        _agenda_item,
        "position",
        [-1, 1001, 10**30],
    ),
    (
        "event link",
        lambda network: (
            lambda data: EventForm(
                data, network=network, organisations=Organisation.objects.filter(network=network)
            )
        ),
        _event,
        "online_link",
        [*BAD_LINKS, long_link(1000)],
    ),
    (
        "event registration link",
        lambda network: (
            lambda data: EventForm(
                data, network=network, organisations=Organisation.objects.filter(network=network)
            )
        ),
        _event,
        "registration_url",
        BAD_LINKS,
    ),
    (
        "calendar source address",
        lambda network: (
            lambda data: SourceForm(
                data, organisations=Organisation.objects.filter(network=network)
            )
        ),
        _source,
        "url",
        [*BAD_LINKS, long_link(1000)],
    ),
    (
        "organisation website",
        lambda network: lambda data: OrganisationForm(data, network=network),
        _organisation,
        "website",
        [*BAD_LINKS, long_link(200)],
    ),
    (
        "organisation e-mail",
        lambda network: lambda data: OrganisationForm(data, network=network),
        _organisation,
        "email",
        BAD_EMAILS,
    ),
    ("person e-mail", lambda network: PersonForm, _person, "email", BAD_EMAILS),
    ("group target", lambda network: GroupForm, _group, "meetings_per_year_target", [1, 7, 10**30]),
]

CASES = [
    pytest.param(make_form, call, field, value, id=f"{name}={value}")
    for name, make_form, call, field, values in RULES
    for value in values
]


@pytest.mark.django_db
@pytest.mark.parametrize(("make_form", "call", "field", "value"), CASES)
def test_the_service_refuses_what_the_form_refuses(
    network, coordinator, make_form, call, field, value
):
    with scope(network=network):
        form = make_form(network)({field: value})
        form_errors = form.errors.get(field, [])
        with pytest.raises(DomainError) as refused:
            call(network, coordinator, **{field: value})

    assert refused.value.field == field
    assert str(refused.value.message) in form_errors, (form_errors, refused.value.message)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("call", "field", "value"),
    [
        (_meeting, "online_link", "https://meet.example.org/plenum"),
        (_event, "registration_url", "http://example.org/anmelden"),
        (_organisation, "website", "https://verein.example.org"),
        (_person, "email", "ada@example.org"),
    ],
)
def test_good_values_pass_both(network, coordinator, call, field, value):
    with scope(network=network):
        saved = call(network, coordinator, **{field: value})
    assert getattr(saved, field) == value


@pytest.mark.django_db
def test_the_source_form_and_service_share_the_address_or_file_rule(network, coordinator):
    with scope(network=network):
        organisations = Organisation.objects.filter(network=network)
        OrganisationFactory(network=network)
        form = SourceForm(
            {"url": "https://example.org/cal.ics", "name": "Kalender"},
            {"file": SimpleUploadedFile("cal.ics", b"BEGIN:VCALENDAR")},
            organisations=organisations,
        )
        form.is_valid()
        with pytest.raises(DomainError) as refused:
            _source(network, coordinator, url="https://example.org/cal.ics", upload=b"x")
    assert refused.value.field == "url"
    assert str(refused.value.message) in form.non_field_errors()

"""Submitting, editing, moderating and cancelling events: who publishes, what goes back."""

import datetime
import io
import zoneinfo

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from knotenpunkt.core.errors import PermissionDenied
from knotenpunkt.core.models import AuditEntry
from knotenpunkt.core.testing import refused, translated
from knotenpunkt.core.text import isolate
from knotenpunkt.eventcalendar import services
from knotenpunkt.eventcalendar.models import Event, EventTranslation
from knotenpunkt.eventcalendar.tests.factories import EventFactory, member_contact_for
from knotenpunkt.members.tests.factories import OrganisationFactory

BERLIN = zoneinfo.ZoneInfo("Europe/Berlin")
START = datetime.datetime(2030, 3, 4, 18, 0, tzinfo=BERLIN)


def data_for(organiser, **changes) -> dict:
    data = {
        "title": "Sprachcafé",
        "description": "Tee und **Gespräche**",
        "original_language": "de",
        "organiser": organiser,
        "starts_at": START,
        "ends_at": START + datetime.timedelta(hours=2),
        "time_zone": "Europe/Berlin",
        "place_name": "Stadtteilzentrum",
        "audiences": ["everyone"],
        "languages": ["de", "tr"],
    }
    return {**data, **changes}


def png(size=(4, 4)) -> SimpleUploadedFile:
    buffer = io.BytesIO()
    Image.new("RGB", size, "red").save(buffer, "PNG")
    return SimpleUploadedFile("bild.png", buffer.getvalue(), content_type="image/png")


@pytest.fixture
def organisation(network):
    return OrganisationFactory(network=network, name="Frauentreff Nord")


@pytest.fixture
def member(organisation):
    return member_contact_for(organisation, email="kontakt@frauentreff.example")


def audit_actions(event) -> list[str]:
    return list(
        AuditEntry.objects.filter(target_type="eventcalendar.event", target_id=str(event.pk))
        .order_by("pk")
        .values_list("action", flat=True)
    )


# Submitting -----------------------------------------------------------------------------


def test_a_member_contacts_event_waits_for_moderation(network, organisation, member):
    event = services.event_submit(network=network, actor=member, data=data_for(organisation))
    assert event.status == Event.Status.SUBMITTED
    assert event.submitted_by == member
    assert audit_actions(event) == ["event.submit"]


def test_a_trusted_organisation_publishes_directly(network, organisation, member):
    organisation.trusted = True
    organisation.save()
    event = services.event_submit(network=network, actor=member, data=data_for(organisation))
    assert event.status == Event.Status.PUBLISHED
    assert audit_actions(event) == ["event.publish"]


def test_the_coordinator_publishes_directly_for_any_organisation(
    network, organisation, coordinator
):
    event = services.event_submit(network=network, actor=coordinator, data=data_for(organisation))
    assert event.status == Event.Status.PUBLISHED
    assert event.moderated_by == coordinator


def test_a_member_contact_cannot_enter_events_for_another_organisation(network, member):
    other = OrganisationFactory(network=network)
    with pytest.raises(PermissionDenied):
        services.event_submit(network=network, actor=member, data=data_for(other))
    assert not Event.objects.exists()


def test_an_organiser_from_another_network_is_refused(network, other_network, coordinator):
    foreign = OrganisationFactory(network=other_network)
    with refused("Choose the organising organisation.", field="organiser"):
        services.event_submit(network=network, actor=coordinator, data=data_for(foreign))


def test_translations_are_saved_with_the_submission(network, organisation, coordinator):
    event = services.event_submit(
        network=network,
        actor=coordinator,
        data=data_for(organisation),
        translations={"tr": {"title": "Dil kafesi", "description": "Çay"}},
    )
    assert EventTranslation.objects.get(event=event, language="tr").title == "Dil kafesi"


# Bad input ------------------------------------------------------------------------------


ONLY_WEB_LINKS = "Enter an address starting with http:// or https://."


@pytest.mark.parametrize(
    ("changes", "rule", "field"),
    [
        (
            {"ends_at": START - datetime.timedelta(minutes=1)},
            "The end must not be before the start.",
            "ends_at",
        ),
        (
            {"rrule": "FREQ=WEEKLY;BYDAY=MO"},
            "A repetition needs an end: a last date or a number of times.",
            "rrule",
        ),
        (
            {"rrule": "FREQ=DAILY;COUNT=501"},
            "The repetition produces more than %(max)s dates. Choose an earlier end.",
            "rrule",
        ),
        ({"rrule": "FREQ=SOMETIMES;COUNT=3"}, "The repetition rule is not valid.", "rrule"),
        ({"online_link": "javascript:alert(1)"}, ONLY_WEB_LINKS, "online_link"),
        ({"registration_url": "ftp://example.org/anmeldung"}, ONLY_WEB_LINKS, "registration_url"),
        ({"title": "   "}, "Give the event a title.", "title"),
        (
            {"place_name": "", "address": "", "online_link": ""},
            "Give a place, an address or an online link.",
            "place_name",
        ),
        ({"time_zone": "Mars/Olympus"}, "Choose a valid time zone.", "time_zone"),
        ({"audiences": ["aliens"]}, "Choose audiences from the list.", "audiences"),
    ],
)
def test_bad_input_is_refused_on_its_field(
    network, organisation, coordinator, changes, rule, field
):
    with refused(rule, field=field):
        services.event_submit(
            network=network, actor=coordinator, data=data_for(organisation, **changes)
        )
    assert not Event.objects.exists()
    assert not AuditEntry.objects.filter(action__startswith="event.").exists()


def test_too_many_occurrences_are_refused_with_the_maximum_in_the_message(
    network, organisation, coordinator
):
    with refused(
        "The repetition produces more than %(max)s dates. Choose an earlier end.", field="rrule"
    ) as caught:
        services.event_submit(
            network=network,
            actor=coordinator,
            data=data_for(organisation, rrule="FREQ=DAILY;UNTIL=20400101T235959"),
        )
    assert "500" in str(caught.value.message)


def test_an_image_needs_alt_text(network, organisation, coordinator):
    with refused("Describe the image for people who cannot see it.", field="image_alt"):
        services.event_submit(
            network=network, actor=coordinator, data=data_for(organisation, image=png())
        )


def test_an_image_with_alt_text_is_stored(network, organisation, coordinator):
    event = services.event_submit(
        network=network,
        actor=coordinator,
        data=data_for(organisation, image=png(), image_alt="Menschen am Tisch"),
    )
    assert event.image.name.endswith(".png")


def test_a_file_that_is_not_an_image_is_refused(network, organisation, coordinator):
    fake = SimpleUploadedFile("bild.png", b"<svg onload=alert(1)>", content_type="image/png")
    with refused("The file is not an image we can show.", field="image"):
        services.event_submit(
            network=network,
            actor=coordinator,
            data=data_for(organisation, image=fake, image_alt="Bild"),
        )


def test_an_image_over_5_mb_is_refused(network, organisation, coordinator):
    big = SimpleUploadedFile("bild.png", b"\x89PNG" + b"0" * (5 * 1024 * 1024))
    with refused("The image may be at most 5 MB.", field="image"):
        services.event_submit(
            network=network,
            actor=coordinator,
            data=data_for(organisation, image=big, image_alt="Bild"),
        )


# Editing and re-moderation --------------------------------------------------------------


@pytest.fixture
def published(network, organisation, member):
    return EventFactory(
        network=network,
        organiser=organisation,
        submitted_by=member,
        starts_at=START,
        ends_at=START + datetime.timedelta(hours=2),
    )


@pytest.mark.parametrize(
    "changes",
    [
        {"title": "Sprachcafé (neu)"},
        {
            "starts_at": START + datetime.timedelta(days=1),
            "ends_at": START + datetime.timedelta(days=1, hours=2),
        },
        {"rrule": "FREQ=WEEKLY;BYDAY=MO;COUNT=4"},
    ],
)
def test_a_members_change_of_date_title_or_repetition_goes_back_to_moderation(
    published, member, changes
):
    event = services.event_update(event=published, actor=member, data=changes)
    assert event.status == Event.Status.SUBMITTED
    assert event.sequence == published.sequence + 1
    assert audit_actions(event) == ["event.update"]


def test_a_members_change_of_the_description_stays_published(published, member):
    event = services.event_update(event=published, actor=member, data={"description": "Neu"})
    assert event.status == Event.Status.PUBLISHED
    assert event.sequence == published.sequence
    assert event.description == "Neu"


def test_a_trusted_organisations_change_of_date_stays_published(published, organisation, member):
    organisation.trusted = True
    organisation.save()
    event = services.event_update(event=published, actor=member, data={"title": "Neuer Titel"})
    assert event.status == Event.Status.PUBLISHED
    assert event.sequence == 1


def test_the_coordinators_change_of_title_stays_published(published, coordinator):
    event = services.event_update(event=published, actor=coordinator, data={"title": "Neu"})
    assert event.status == Event.Status.PUBLISHED


def test_correcting_a_rejected_event_submits_it_again(published, member):
    Event.objects.filter(pk=published.pk).update(status=Event.Status.REJECTED)
    event = services.event_update(event=published, actor=member, data={"place_name": "Rathaus"})
    assert event.status == Event.Status.SUBMITTED


def test_saving_without_changes_writes_nothing(published, member):
    services.event_update(event=published, actor=member, data={"title": published.title})
    assert audit_actions(published) == []


def test_an_update_with_the_end_before_the_start_is_refused(published, member):
    with refused("The end must not be before the start.", field="ends_at") as caught:
        services.event_update(
            event=published, actor=member, data={"ends_at": START - datetime.timedelta(hours=1)}
        )
    assert caught.value.field == "ends_at"
    published.refresh_from_db()
    assert published.ends_at > published.starts_at


def test_someone_else_cannot_change_the_event(published, network):
    stranger = member_contact_for(OrganisationFactory(network=network), email="x@example.org")
    with pytest.raises(PermissionDenied):
        services.event_update(event=published, actor=stranger, data={"title": "Gekapert"})


# Moderation ---------------------------------------------------------------------------


@pytest.fixture
def submitted(published):
    Event.objects.filter(pk=published.pk).update(status=Event.Status.SUBMITTED)
    published.refresh_from_db()
    return published


def test_approving_publishes_and_is_audited(submitted, coordinator):
    event = services.event_approve(event=submitted, actor=coordinator)
    assert event.status == Event.Status.PUBLISHED
    assert event.moderated_by == coordinator
    assert audit_actions(event) == ["event.approve"]


def test_only_the_coordinator_moderates(submitted, member):
    with pytest.raises(PermissionDenied):
        services.event_approve(event=submitted, actor=member)
    with pytest.raises(PermissionDenied):
        services.event_reject(event=submitted, actor=member, reason="Nein")


@pytest.mark.parametrize("language", ["de", "tr"])
def test_rejecting_mails_the_reason_to_the_submitter_in_their_language(
    network,
    organisation,
    coordinator,
    mailbox,
    run_tasks,
    django_capture_on_commit_callbacks,
    language,
):
    submitter = member_contact_for(organisation, email="ayse@example.org", language=language)
    event = services.event_submit(
        network=network, actor=submitter, data=data_for(organisation, title="Nähcafé")
    )
    with django_capture_on_commit_callbacks(execute=True):
        services.event_reject(event=event, actor=coordinator, reason="Bitte Ort angeben.")
    run_tasks()

    [message] = mailbox.to("ayse@example.org")
    assert message["Subject"].strip() == translated(
        "Your event “%(title)s” was not published", language, title=isolate("Nähcafé")
    )
    assert "Bitte Ort angeben." in mailbox.body(message)
    event.refresh_from_db()
    assert event.status == Event.Status.REJECTED
    assert audit_actions(event) == ["event.submit", "event.reject"]


@pytest.mark.parametrize("language", ["de", "ar"])
def test_the_published_mail_reads_a_title_with_markup_and_ampersand_as_written(
    network,
    organisation,
    coordinator,
    mailbox,
    run_tasks,
    django_capture_on_commit_callbacks,
    language,
):
    """Subjects and bodies are plain text: no `&lt;script&gt;`, no `&amp;` (issue 9)."""
    network.enabled_languages = ["de", "ar"]
    network.save()
    title = "Kaffee & Kuchen <script>alert(1)</script>"
    submitter = member_contact_for(organisation, email="ayse@example.org", language=language)
    event = services.event_submit(
        network=network, actor=submitter, data=data_for(organisation, title=title)
    )
    with django_capture_on_commit_callbacks(execute=True):
        services.event_approve(event=event, actor=coordinator)
    run_tasks()

    [message] = mailbox.to("ayse@example.org")
    subject, body = message["Subject"].strip(), mailbox.body(message)
    assert subject == translated(
        "Your event “%(title)s” is published", language, title=isolate(title)
    )
    assert "\n" not in subject
    assert isolate(title) in body
    for escaped in ("&amp;", "&lt;", "&gt;", "&#x27;", "&quot;"):
        assert escaped not in subject and escaped not in body


def test_a_rejection_needs_a_reason(submitted, coordinator):
    with refused("Say why the event is not published.", field="reason") as caught:
        services.event_reject(event=submitted, actor=coordinator, reason="  ")
    assert caught.value.field == "reason"


def test_a_rolled_back_rejection_mails_nobody(
    submitted, coordinator, mailbox, run_tasks, django_capture_on_commit_callbacks
):
    with (
        django_capture_on_commit_callbacks(execute=True),
        refused("Say why the event is not published.", field="reason"),
    ):
        services.event_reject(event=submitted, actor=coordinator, reason="")
    run_tasks()
    assert mailbox.messages == []


def test_cancelling_keeps_the_event_and_announces_a_new_version(published, member):
    event = services.event_cancel(event=published, actor=member)
    assert Event.objects.get(pk=published.pk).status == Event.Status.CANCELLED
    assert event.sequence == published.sequence + 1
    assert audit_actions(event) == ["event.cancel"]
    with refused("The event is cancelled already.", field=None):
        services.event_cancel(event=published, actor=member)


# Translations -------------------------------------------------------------------------


def test_a_translation_is_created_changed_and_removed(published, coordinator):
    services.translation_save(
        event=published, actor=coordinator, language="tr", title="Dil kafesi", description="Çay"
    )
    services.translation_save(
        event=published, actor=coordinator, language="tr", title="Dil kafesi", description="Kek"
    )
    assert EventTranslation.objects.get(event=published, language="tr").description == "Kek"
    services.translation_save(
        event=published, actor=coordinator, language="tr", title="", description=""
    )
    assert not EventTranslation.objects.filter(event=published).exists()
    assert audit_actions(published) == [
        "event.translation_create",
        "event.translation_update",
        "event.translation_delete",
    ]


def test_the_original_language_is_not_a_translation(published, coordinator):
    with refused(
        "This is the language of the original text; change the event itself.", field="language"
    ) as caught:
        services.translation_save(
            event=published, actor=coordinator, language="de", title="X", description=""
        )
    assert caught.value.field == "language"


def test_a_members_translated_title_goes_to_moderation(published, member):
    services.translation_save(
        event=published, actor=member, language="tr", title="Dil kafesi", description=""
    )
    published.refresh_from_db()
    assert published.status == Event.Status.SUBMITTED

"""An issue as readers get it: both parts from the same content, safe HTML, the blocks."""

import datetime
from email import message_from_bytes, policy

import pytest

from knotenpunkt.eventcalendar.models import Event
from knotenpunkt.eventcalendar.tests.factories import EventFactory
from knotenpunkt.infomail.compose import (
    PREFERENCES_MARK,
    UNSUBSCRIBE_MARK,
    mailing_render,
    month_after,
)
from knotenpunkt.infomail.message import message_build
from knotenpunkt.infomail.models import Mailing, MailingVersion
from knotenpunkt.meetings.models import Meeting
from knotenpunkt.meetings.tests.factories import MeetingFactory
from knotenpunkt.members.tests.factories import OrganisationFactory
from knotenpunkt.workinggroups.tests.factories import WorkingGroupFactory

from .factories import delivery_make, mailing_make, subscriber_make

pytestmark = pytest.mark.django_db


def at(network, day: datetime.date, hour: int = 18) -> datetime.datetime:
    return datetime.datetime.combine(day, datetime.time(hour), tzinfo=network.tz)


def test_text_and_html_come_from_the_same_content(network):
    mailing = mailing_make(
        network, subject="Infobrief Juni", intro="Liebe Leute,\n\nwir haben **Neues** für euch."
    )
    rendered = mailing_render(mailing.versions.get())
    assert rendered.subject == "Infobrief Juni"
    for part in (rendered.text, rendered.html):
        assert "Infobrief Juni" in part
        assert "Neues" in part
        assert "Netzwerk Musterstadt" in part
        assert PREFERENCES_MARK in part
        assert UNSUBSCRIBE_MARK in part
    assert "<strong" in rendered.html
    assert "<html" not in rendered.text


def test_the_html_has_its_styles_inlined_and_no_external_resources(network):
    rendered = mailing_render(mailing_make(network).versions.get())
    assert "<style" not in rendered.html
    assert 'style="' in rendered.html
    assert "max-width: 600px" in rendered.html
    assert "<link" not in rendered.html
    assert "<script" not in rendered.html
    assert "<img" not in rendered.html


def test_the_intro_is_sanitised(network):
    intro = 'Hallo <script>alert("x")</script> [klick](javascript:alert(1)) <b onclick="x">fett</b>'
    rendered = mailing_render(mailing_make(network, intro=intro).versions.get())
    assert "<script" not in rendered.html
    assert "javascript:" not in rendered.html
    assert "onclick" not in rendered.html
    assert "<script" not in rendered.text
    assert "fett" in rendered.text


def test_an_arabic_version_reads_right_to_left(network):
    mailing = mailing_make(network, intro="- eins\n- zwei", versions={"ar": "النشرة الإخبارية"})
    mailing.versions.filter(language="ar").update(intro="- واحد\n- اثنان")
    arabic = mailing_render(mailing.versions.get(language="ar"))
    german = mailing_render(mailing.versions.get(language="de"))
    assert '<html lang="ar" dir="rtl"' in arabic.html
    assert '<html lang="de" dir="ltr"' in german.html
    # Lists indent on the side the text starts from (physical sides: see the template).
    assert "padding-right: 24px" in arabic.html and "padding-left: 24px" not in arabic.html
    assert "padding-left: 24px" in german.html
    assert "النشرة الإخبارية" in arabic.text


def test_the_blocks_show_next_month(network, clock):
    clock.move_to("2026-05-20T10:00")
    today = clock.today()
    first, after = month_after(today)
    assert (first, after) == (datetime.date(2026, 6, 1), datetime.date(2026, 7, 1))
    EventFactory(network=network, title="Sommerfest im Park", starts_at=at(network, first))
    EventFactory(network=network, title="Noch im Mai", starts_at=at(network, today))
    EventFactory(network=network, title="Schon im Juli", starts_at=at(network, after))
    EventFactory(
        network=network,
        title="Abgesagtes Fest",
        starts_at=at(network, first),
        status=Event.Status.CANCELLED,
    )
    OrganisationFactory(
        network=network, name="Frisch dabei e. V.", public_listing=True, joined_on=today
    )
    OrganisationFactory(
        network=network, name="Ungenannt e. V.", public_listing=False, joined_on=today
    )
    OrganisationFactory(
        network=network,
        name="Alte Hasen e. V.",
        public_listing=True,
        joined_on=datetime.date(2020, 1, 1),
    )
    group = WorkingGroupFactory(network=network, name="AG Wohnen")
    MeetingFactory(
        network=network,
        kind=Meeting.Kind.WORKING_GROUP,
        group=group,
        title="Treffen der AG Wohnen",
        starts_at=at(network, first + datetime.timedelta(days=9)),
    )
    mailing = mailing_make(network, blocks=[block.value for block in Mailing.Block])

    rendered = mailing_render(mailing.versions.get())

    for part in (rendered.text, rendered.html):
        assert "Sommerfest im Park" in part
        assert "Noch im Mai" not in part
        assert "Schon im Juli" not in part
        assert "Abgesagtes Fest" not in part
        assert "Frisch dabei e. V." in part
        assert "Ungenannt e. V." not in part
        assert "Alte Hasen e. V." not in part
        assert "Treffen der AG Wohnen" in part
        assert "AG Wohnen" in part
    assert "/calendar/events/" in rendered.html


def test_blocks_not_chosen_are_left_out(network, clock):
    clock.move_to("2026-05-20T10:00")
    EventFactory(
        network=network,
        title="Sommerfest im Park",
        starts_at=at(network, month_after(clock.today())[0]),
    )
    rendered = mailing_render(mailing_make(network, blocks=[]).versions.get())
    assert "Sommerfest im Park" not in rendered.text


def test_message_form(network, settings):
    settings.KNOTENPUNKT_BOUNCE_DOMAIN = "bounces.example.org"
    settings.KNOTENPUNKT_BASE_URL = "https://knotenpunkt.example.org"
    settings.DEFAULT_FROM_EMAIL = "info@example.org"
    mailing = mailing_make(network, subject="Infobrief Grüße")
    subscriber = subscriber_make(network, "leser@example.org")
    delivery = delivery_make(mailing, subscriber)
    rendered = mailing_render(mailing.versions.get())

    built = message_build(rendered, to=subscriber.email, subscriber=subscriber, delivery=delivery)
    parsed = message_from_bytes(built.message().as_bytes(), policy=policy.default)

    assert built.from_email == f"bounces+{delivery.token}@bounces.example.org"
    assert parsed["From"].addresses[0].addr_spec == "info@example.org"
    assert parsed["Subject"] == "Infobrief Grüße"
    assert parsed["Message-ID"] == f"<infomail.{mailing.pk}.{delivery.token}@bounces.example.org>"
    assert parsed["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    link = f"https://knotenpunkt.example.org/de/musterstadt/mail/unsubscribe/{subscriber.token}/"
    assert parsed["List-Unsubscribe"].strip() == (
        f"<{link}>, <mailto:unsubscribe+{subscriber.token}@bounces.example.org>"
    )
    assert parsed.get_content_type() == "multipart/alternative"
    text = parsed.get_body(("plain",)).get_content()
    html = parsed.get_body(("html",)).get_content()
    for part in (text, html):
        assert link in part
        assert f"/mail/preferences/{subscriber.token}/" in part
        assert PREFERENCES_MARK not in part and UNSUBSCRIBE_MARK not in part
    assert MailingVersion.objects.count() == 1


def test_the_workers_template_gives_the_same_message_as_the_full_build(network, settings):
    from knotenpunkt.infomail.message import MessageTemplate

    settings.KNOTENPUNKT_BOUNCE_DOMAIN = "bounces.example.org"
    mailing = mailing_make(network, subject="Infobrief Grüße", intro="Schöne **Grüße**")
    subscriber = subscriber_make(network, "leser@example.org")
    delivery = delivery_make(mailing, subscriber)
    rendered = mailing_render(mailing.versions.get())
    built = message_build(rendered, to=subscriber.email, subscriber=subscriber, delivery=delivery)
    # As Django's SMTP backend puts it on the wire.
    full = message_from_bytes(built.message().as_bytes(linesep="\r\n"), policy=policy.default)

    template = MessageTemplate.build(
        rendered, mailing_id=mailing.pk, network=network, language="de"
    )
    assert template is not None, "the issue should not need an encoded body"
    sender, data = template.fill(to=subscriber.email, subscriber=subscriber, delivery=delivery)
    filled = message_from_bytes(data, policy=policy.default)

    assert sender == built.from_email
    for header in ("From", "To", "Subject", "Message-ID", "List-Unsubscribe", "List-Id"):
        assert filled[header] == full[header], header
    assert filled["Date"]
    for kind in ("plain", "html"):
        assert filled.get_body((kind,)).get_content() == full.get_body((kind,)).get_content()
    assert template.fill(to="jürgen@example.org", subscriber=subscriber, delivery=delivery) is None


def test_the_archive_copy_has_no_personal_links(network):
    from knotenpunkt.infomail.message import archive_copy

    rendered = mailing_render(mailing_make(network).versions.get())
    html = archive_copy(rendered.html, network=network, language="de")
    assert PREFERENCES_MARK not in html and UNSUBSCRIBE_MARK not in html
    assert "/de/musterstadt/mail/subscribe/" in html

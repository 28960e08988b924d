"""Dates, times and numbers per language from CLDR (core/formatting.py): one format for the
same moment on a page, in a mail and in the calendar edition (page and print)."""

import datetime
import zoneinfo

import pytest
from babel import Locale
from babel import dates as babel_dates
from babel.lists import format_list
from django.template import Context, Template
from django.utils import timezone, translation

from knotenpunkt.core.formatting import (
    format_local_date,
    format_local_datetime,
    format_local_list,
    format_local_month_range,
    format_local_number,
    format_local_time,
)
from knotenpunkt.core.mail import render_plain_text
from knotenpunkt.core.text import FSI, PDI, isolate
from knotenpunkt.eventcalendar import editions
from knotenpunkt.eventcalendar.tasks import edition_pdf_html
from knotenpunkt.eventcalendar.tests.factories import EventFactory
from knotenpunkt.meetings.mail import mail_person
from knotenpunkt.meetings.tests.factories import MeetingFactory
from knotenpunkt.members.tests.factories import PersonFactory

BERLIN = zoneinfo.ZoneInfo("Europe/Berlin")
# 17:30 UTC: 18:30 in Berlin, so a page that forgot the network's zone shows another hour.
MOMENT = datetime.datetime(2031, 3, 12, 17, 30, tzinfo=datetime.UTC)


def cldr_datetime(moment: datetime.datetime, language: str) -> str:
    """The long date and short time joined by CLDR's own pattern, straight from Babel."""
    locale = Locale.parse(language)
    local = moment.astimezone(BERLIN)
    date_text = babel_dates.format_date(local.date(), "long", locale=locale)
    time_text = babel_dates.format_time(local.time(), "short", locale=locale)
    pattern = str(locale.datetime_formats["long"]).replace("'", "")
    return pattern.replace("{1}", date_text).replace("{0}", time_text)


def test_arabic_reads_in_cldr_arabic_order_not_in_us_order():
    text = format_local_datetime(MOMENT, "long", language="ar", tz=BERLIN)

    assert text == cldr_datetime(MOMENT, "ar")
    assert text.startswith("12 مارس 2031")  # day, month, year: not "مارس 12, 2031"
    assert "،" in text and "," not in text  # the Arabic comma


def test_every_length_uses_the_network_zone_and_the_language():
    assert format_local_date(MOMENT, language="de", tz=BERLIN) == "12.03.2031"
    assert format_local_time(MOMENT, language="de", tz=BERLIN) == "18:30"
    late = datetime.datetime(2031, 3, 12, 23, 30, tzinfo=datetime.UTC)  # 00:30 next day
    assert format_local_date(late, "full", language="de", tz=BERLIN) == "Donnerstag, 13. März 2031"
    assert format_local_number(1234.5, 1, language="de") == "1.234,5"
    assert format_local_number(1234.5, 1, language="en") == "1,234.5"
    with translation.override("de"):
        months = format_local_month_range(datetime.date(2031, 3, 1), datetime.date(2031, 4, 30))
    assert "März" in months and "April 2031" in months


def test_the_filters_follow_the_active_language_and_time_zone():
    template = Template("{{ moment|local_datetime:'long' }} {{ value|local_number:1 }}")
    with translation.override("ar"), timezone.override(BERLIN):
        text = template.render(Context({"moment": MOMENT, "value": 2.25}))
    assert text == f"{cldr_datetime(MOMENT, 'ar')} {format_local_number(2.25, 1, language='ar')}"


def test_isolate_wraps_user_content_for_plain_text():
    assert isolate("Nachbarschaftsverein Oststadt e.V.") == (
        f"{FSI}Nachbarschaftsverein Oststadt e.V.{PDI}"
    )
    assert isolate("") == "" and isolate(None) == ""


def test_plain_text_templates_are_not_html_escaped():
    text = render_plain_text(
        "eventcalendar/manage/mail/event_approved_subject.txt",
        {"event": type("E", (), {"title": "Kaffee & <Kuchen>"})()},
    )
    assert "Kaffee & <Kuchen>" in text and "&amp;" not in text and "&lt;" not in text


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["de", "ar"])
def test_the_same_moment_reads_the_same_on_a_page_in_a_mail_and_in_the_edition(
    client, network, mailbox, run_tasks, django_capture_on_commit_callbacks, language
):
    network.enabled_languages = ["de", "ar"]
    network.time_zone = "Europe/Berlin"
    network.save()
    expected = cldr_datetime(MOMENT, language)
    event = EventFactory(
        network=network,
        title="Sprachcamp",
        starts_at=MOMENT - datetime.timedelta(days=1),
        ends_at=MOMENT,  # over two days: the edition names the end with its date
    )
    meeting = MeetingFactory(network=network, title="Plenum", starts_at=MOMENT)
    person = PersonFactory(network=network, email="leyla@example.org", languages=[language])

    page = client.get(f"/{language}/musterstadt/calendar/events/{event.pk}/").content.decode()
    edition = client.get(f"/{language}/musterstadt/calendar/2031-03/").content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        mail_person(
            person=person,
            network=network,
            template="meeting_reminder",
            context={"item": meeting, "meeting": meeting},
            item=meeting,
        )
    run_tasks()
    [message] = mailbox.to("leyla@example.org")
    with translation.override(language), timezone.override(network.tz):
        period = editions.Period(datetime.date(2031, 3, 1))
        printed = edition_pdf_html(
            network=network,
            page=editions.edition_page(
                network=network, period=period, language=language, with_changes=False
            ),
        )

    assert f">{expected}</time>" in page
    assert f">{expected}</time>" in edition
    assert f">{expected}</time>" in printed
    assert expected in mailbox.body(message)


@pytest.mark.parametrize("language", ["de", "ar", "fa", "uk"])
def test_lists_are_joined_as_the_language_joins_them(language):
    joined = format_local_list(["Deutsch", "English", "Türkçe"], language=language)
    assert joined == format_list(["Deutsch", "English", "Türkçe"], locale=language)
    if language in ("ar", "fa"):
        assert ", " not in joined, "a Latin comma in a right-to-left list"


def test_an_empty_list_reads_as_nothing():
    assert format_local_list([None, ""], language="de") == ""

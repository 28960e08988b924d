"""Dates, times and numbers as people read them: one helper, CLDR data through Babel.

Django's own formats (`|date:"DATETIME_FORMAT"`) exist only for some languages and fall
back to US order elsewhere ("ديسمبر 8, 2026, 10 ص"); Babel carries the CLDR patterns of
every language. Pages, mails, the calendar edition (HTML and PDF), messages and exports
all format through these functions, so the same moment reads the same everywhere in one
language. Datetimes are shown in the active time zone, which the middleware sets to the
network's (mails and tasks pass the network's zone or wrap in `{% timezone %}`).

Machine formats stay out of here: ISO in `<time datetime>`, ICS, JSON-LD and the ISO
columns of CSV exports (decision 0025).

Lengths: "short" is the compact date of tables and messages (a four-digit year: CLDR's
own short pattern has two in many languages), "long" spells the month, "full" adds the
weekday. Times are always CLDR's short time (hours and minutes).
"""

import datetime
import decimal
from functools import lru_cache

from babel import Locale, UnknownLocaleError
from babel import dates as babel_dates
from babel import lists as babel_lists
from babel import numbers as babel_numbers
from django.utils import timezone
from django.utils.translation import get_language

# CLDR's names of our lengths: "short" is CLDR's medium date (08.12.2026, 8 Dec 2026).
DATE_LENGTHS = {"short": "medium", "long": "long", "full": "full"}
FALLBACK_LOCALE = "en"


@lru_cache(maxsize=32)
def _locale(language: str) -> Locale:
    try:
        return Locale.parse((language or FALLBACK_LOCALE).replace("-", "_"))
    except (UnknownLocaleError, ValueError):
        return Locale.parse(FALLBACK_LOCALE)


def locale_for(language: str | None = None) -> Locale:
    """The CLDR locale of `language`, or of the active language."""
    return _locale(language or get_language() or FALLBACK_LOCALE)


def local_moment(value: datetime.datetime, tz=None) -> datetime.datetime:
    """An aware datetime in `tz` (default: the active time zone, the network's on its pages)."""
    if timezone.is_naive(value):
        return value
    return value.astimezone(tz or timezone.get_current_timezone())


def _as_date(value, tz=None) -> datetime.date:
    if isinstance(value, datetime.datetime):
        return local_moment(value, tz).date()
    return value


def format_local_date(value, length: str = "short", *, language=None, tz=None) -> str:
    """A date (or the local date of a datetime) in `length`: short, long or full."""
    if value in (None, ""):
        return ""
    pattern = DATE_LENGTHS.get(length, length)
    return babel_dates.format_date(_as_date(value, tz), pattern, locale=locale_for(language))


def format_local_time(value, *, language=None, tz=None) -> str:
    """Hours and minutes of a datetime (or a time) in the language's short time."""
    if value in (None, ""):
        return ""
    if isinstance(value, datetime.datetime):
        value = local_moment(value, tz).timetz().replace(tzinfo=None)
    return babel_dates.format_time(value, "short", locale=locale_for(language))


def format_local_datetime(value, length: str = "short", *, language=None, tz=None) -> str:
    """Date and time joined by the language's own pattern ("{1}, {0}", "{1} في {0}", …)."""
    if value in (None, ""):
        return ""
    if not isinstance(value, datetime.datetime):
        return format_local_date(value, length, language=language, tz=tz)
    locale = locale_for(language)
    pattern = DATE_LENGTHS.get(length, length)
    moment = local_moment(value, tz)
    joiner = str(locale.datetime_formats.get(pattern) or locale.datetime_formats["medium"])
    date_text = format_local_date(moment.date(), length, language=language)
    time_text = format_local_time(moment, language=language, tz=moment.tzinfo)
    return joiner.replace("'", "").replace("{1}", date_text).replace("{0}", time_text)


def format_local_month(value, *, with_year: bool = True, language=None) -> str:
    """A month as a heading names it: "Dezember 2026", "ديسمبر 2026" (standalone form alone)."""
    if value in (None, ""):
        return ""
    locale = locale_for(language)
    if with_year:
        return babel_dates.format_skeleton("yMMMM", _as_date(value), locale=locale)
    return babel_dates.format_date(_as_date(value), "LLLL", locale=locale)


def format_local_month_range(start, end, *, language=None) -> str:
    """The months of a period as one span: "Dezember 2026 – Februar 2027", "Dez.–Feb." as
    CLDR's interval pattern has it; one month alone when both fall in it."""
    if end in (None, ""):
        return format_local_month(start, language=language)
    return babel_dates.format_interval(
        _as_date(start), _as_date(end), "yMMMM", locale=locale_for(language)
    )


def format_local_date_range(start, end, length: str = "short", *, language=None) -> str:
    """Two dates as one span in the language's interval pattern ("8.–10. Dez. 2026")."""
    if end in (None, "") or _as_date(end) == _as_date(start):
        return format_local_date(start, length, language=language)
    skeleton = {"short": "yMMMd", "long": "yMMMMd", "full": "yMMMMEEEEd"}.get(length, "yMMMd")
    return babel_dates.format_interval(
        _as_date(start), _as_date(end), skeleton, locale=locale_for(language)
    )


def format_local_number(value, decimals: int | None = None, *, language=None) -> str:
    """A number with the language's separators; `decimals` fixes the places shown."""
    if value in (None, ""):
        return ""
    locale = locale_for(language)
    if decimals is None:
        return babel_numbers.format_decimal(value, locale=locale)
    quantum = decimal.Decimal(1).scaleb(-decimals)
    fixed = decimal.Decimal(str(value)).quantize(quantum, rounding=decimal.ROUND_HALF_UP)
    pattern = "#,##0" + ("." + "0" * decimals if decimals else "")
    return babel_numbers.format_decimal(fixed, format=pattern, locale=locale)


def format_local_list(items, *, language=None) -> str:
    """Words joined as the language joins a list ("A, B und C", "A، B و C")."""
    items = [str(item) for item in items if item not in (None, "")]
    if not items:
        return ""
    return babel_lists.format_list(items, locale=locale_for(language))


def weekday_names(*, language=None) -> list[tuple[str, str]]:
    """(wide, abbreviated) names of the weekdays from Monday, as column headings use them."""
    days = locale_for(language).days["stand-alone"]
    return [(str(days["wide"][index]), str(days["abbreviated"][index])) for index in range(7)]

"""Reading what a browser sends in the address: anything out of range is a default or a 404.

Views never call `int()` on a query value or a path value themselves: `str.isdigit()` accepts
"²", `int()` accepts 30-digit numbers the database cannot compare, `datetime.date` refuses
the year 10000 the month after December 9999 would need. Each of those was a 500. The helpers
here accept ASCII digits only and bound every number, see docs/decisions/0015-*.md.
"""

import datetime
import re

from django.http import Http404

# Primary keys are BigAutoField: larger numbers cannot name a row and overflow the database.
ID_MAX = 2**63 - 1

# Years a page may be asked about: wide enough for any real archive or plan, narrow enough
# that the month after and the week before stay valid dates in every time zone.
YEAR_MIN = 2000
YEAR_MAX = 2100

# Page numbers beyond this are no page of any list (and no OFFSET the database accepts).
PAGE_MAX = 100_000

# Free text from the address (search) is cut to this length unless a view says otherwise.
TEXT_MAX = 200

_INTEGER = re.compile(r"-?[0-9]{1,20}")
_MONTH = re.compile(r"([0-9]{4})-([0-9]{2})")


def parse_int(value, *, min_value: int, max_value: int) -> int | None:
    """The integer `value` spells in ASCII digits within the bounds, else None."""
    if value is None:
        return None
    text = str(value).strip()
    if not _INTEGER.fullmatch(text):
        return None
    number = int(text)
    return number if min_value <= number <= max_value else None


def parse_id(value) -> int | None:
    """A value that can be a primary key, else None."""
    return parse_int(value, min_value=1, max_value=ID_MAX)


def parse_month(value, *, min_year: int = YEAR_MIN, max_year: int = YEAR_MAX):
    """The first day of the month `YYYY-MM` within the years, else None."""
    match = _MONTH.fullmatch(str(value or "").strip())
    if not match:
        return None
    year, month = int(match[1]), int(match[2])
    if not (min_year <= year <= max_year and 1 <= month <= 12):
        return None
    return datetime.date(year, month, 1)


def query_int(request, name: str, *, default=None, min_value: int, max_value: int):
    """`?name=` as an integer within the bounds; missing or anything else gives `default`."""
    number = parse_int(request.GET.get(name), min_value=min_value, max_value=max_value)
    return default if number is None else number


def query_id(request, name: str, *, default=None):
    """`?name=` as a primary key; missing or anything else gives `default`."""
    number = parse_id(request.GET.get(name))
    return default if number is None else number


def query_id_or_404(request, name: str) -> int | None:
    """`?name=` as a primary key; None when missing or empty, a 404 when it cannot be one."""
    value = request.GET.get(name, "")
    if value == "":
        return None
    number = parse_id(value)
    if number is None:
        raise Http404(f"?{name}= names nothing")
    return number


def query_month(request, name: str, *, default: datetime.date) -> datetime.date:
    """`?name=YYYY-MM` as the month's first day; missing or out of range gives `default`."""
    return parse_month(request.GET.get(name)) or default


def query_text(request, name: str, *, max_length: int = TEXT_MAX) -> str:
    """`?name=` as search text: trimmed, cut to `max_length`, without NUL (PostgreSQL refuses)."""
    return (request.GET.get(name) or "").replace("\x00", "").strip()[:max_length]


class IdConverter:
    """`<id:name>` in a route: a primary key; a number no row can have is no match (404)."""

    regex = "[0-9]{1,20}"

    def to_python(self, value: str) -> int:
        number = parse_id(value)
        if number is None:
            raise ValueError("not a primary key")
        return number

    def to_url(self, value) -> str:
        return str(int(value))

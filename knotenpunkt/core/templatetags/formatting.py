"""Template filters for dates, times and numbers per language (core/formatting.py), and for
isolating user content in plain text; built in to every template (config/settings.py).

    {{ meeting.starts_at|local_datetime }}   {{ day|local_date:"full" }}
    {{ entry.starts_at|local_time }}         {{ value|local_number:1 }}
    {{ first|local_date_range:last }}        {{ month_start|local_month }}
    {{ edition.starts_on|local_month_range:edition.ends_on }}
    {{ audiences|local_list }}               (joined as the language joins a list)
    {{ title|isolate }}  (plain-text mails: FSI … PDI around user content)
    {% blocktranslate with title=meeting.title|bdi %}  (HTML: <bdi> around user content)
"""

from django import template
from django.utils.html import format_html

from .. import formatting
from ..text import isolate as isolate_text

register = template.Library()


@register.filter
def local_date(value, length="short"):
    return formatting.format_local_date(value, length)


@register.filter
def local_datetime(value, length="short"):
    return formatting.format_local_datetime(value, length)


@register.filter
def local_time(value):
    return formatting.format_local_time(value)


@register.filter
def local_month(value, arg="year"):
    return formatting.format_local_month(value, with_year=arg != "alone")


@register.filter
def local_month_range(start, end):
    return formatting.format_local_month_range(start, end)


@register.filter
def local_date_range(start, end):
    return formatting.format_local_date_range(start, end)


@register.filter
def local_number(value, decimals=None):
    return formatting.format_local_number(value, None if decimals is None else int(decimals))


@register.filter
def isolate(value):
    """Plain text only: in HTML, user content goes into <bdi> instead."""
    return isolate_text(value)


@register.filter
def bdi(value):
    """User content as an isolated run inside a translated HTML sentence:
    `{% blocktranslate with title=meeting.title|bdi %}`; empty stays empty."""
    return format_html("<bdi>{}</bdi>", value) if value not in (None, "") else ""


@register.filter
def local_list(items):
    return formatting.format_local_list(items or [])

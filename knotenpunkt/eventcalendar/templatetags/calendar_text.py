"""Template helpers for the calendar's pages: long addresses that wrap where a reader expects.

An online link or an iCal address is one long "word"; on a phone (and in the print edition)
it used to break in the middle of a word ("anerkennung" as "anerken / nung"). Offering a break
after each separator lets it wrap between its parts instead.
"""

import re

from django import template
from django.utils.html import escape
from django.utils.safestring import mark_safe

register = template.Library()

_SEPARATOR = re.compile(r"([/.?&=_-]+)")


@register.filter
def url_breaks(value):
    """`value` (escaped) with a <wbr> after each run of separators (/ . ? & = _ -)."""
    if value in (None, ""):
        return ""
    parts = _SEPARATOR.split(str(value))
    return mark_safe(
        "".join(escape(part) + ("<wbr>" if index % 2 else "") for index, part in enumerate(parts))
    )

"""Languages that organisations and people speak: ISO codes in the data, names on the page.

Django's list lacks several languages that matter in integration work, so a
few are added; any well-formed code is accepted and shown as itself.
"""

import re

from django.conf import global_settings
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

CODE = re.compile(r"^[a-z]{2,3}(-[a-z0-9]{2,8})?$")

EXTRA_LANGUAGES = {
    "am": _("Amharic"),
    "kmr": _("Kurmanji"),
    "ku": _("Kurdish"),
    "prs": _("Dari"),
    "ps": _("Pashto"),
    "rom": _("Romani"),
    "so": _("Somali"),
    "ti": _("Tigrinya"),
}
LANGUAGE_NAMES = {**dict(global_settings.LANGUAGES), **EXTRA_LANGUAGES}


def parse_language_codes(value) -> list[str]:
    """Codes from a list or from text like "de, tr ar"; ValueError names the malformed ones."""
    items = value if isinstance(value, list | tuple) else re.split(r"[\s,;]+", value or "")
    codes: list[str] = []
    bad: list[str] = []
    for item in items:
        code = str(item).strip().lower().replace("_", "-")
        if not code:
            continue
        if not CODE.match(code):
            bad.append(str(item).strip())
        elif code not in codes:
            codes.append(code)
    if bad:
        raise ValueError(", ".join(bad))
    return codes


def language_name(code: str) -> str:
    name = LANGUAGE_NAMES.get(code)
    return gettext(str(name)) if name else code

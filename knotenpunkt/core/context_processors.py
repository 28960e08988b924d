import re

from django.conf import settings
from django.utils.translation import get_language, get_language_info

from .colours import readable_accent, soft_tint
from .navigation import access_links, account_links

LANGUAGE_PREFIX = re.compile(r"^/[a-z]{2}/")
# OpenGraph names a language with its main country (og:locale).
OG_LOCALES = {
    "de": "de_DE",
    "en": "en_GB",
    "tr": "tr_TR",
    "ar": "ar_AR",
    "uk": "uk_UA",
    "ru": "ru_RU",
    "fa": "fa_IR",
}


def network(request):
    """The current network, the languages its visitors may switch between, the account links.

    On a network page each language is a link to the same page in that language (the
    language is part of the path); elsewhere the switcher posts to Django's set_language.
    """
    current = getattr(request, "network", None)
    language = get_language()
    codes = current.languages if current else [code for code, _name in settings.LANGUAGES]
    path = request.get_full_path() if current else ""
    return {
        "network": current,
        "switch_languages": [
            {
                "code": code,
                "name": get_language_info(code)["name_local"],
                "url": LANGUAGE_PREFIX.sub(f"/{code}/", path, count=1) if current else "",
                "current": code == language,
            }
            for code in codes
        ],
        "current_language": language,
        "current_language_name": get_language_info(language)["name_local"] if language else "",
        # The network's colour, made readable (core/colours.py); empty keeps the default.
        "accent": (
            {
                "colour": readable_accent(current.accent_colour),
                "soft": soft_tint(current.accent_colour),
            }
            if current and current.accent_colour
            else None
        ),
        "access_nav": access_links(current) if current else [],
        "og_locale": OG_LOCALES.get(language or "", ""),
        "account_nav": account_links(
            signed_in=getattr(getattr(request, "user", None), "is_authenticated", False),
            here=request.get_full_path(),
        ),
    }

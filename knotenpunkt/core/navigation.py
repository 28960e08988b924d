"""The links in the header of every page, registered by the apps in their AppConfig.ready().

Core's base template names no app's URLs (docs/decisions/0014-layers-and-registries.md);
an app adds its entries instead::

    from django.utils.translation import gettext_noop

    from knotenpunkt.core import navigation

    navigation.register_main("meetings:list", gettext_noop("Meetings"), order=60, action="")

Main entries are network pages. `action` says who sees the link: EVERYONE (None), anyone
with a role in the network (""), or the holders of a permission action. Account entries
are the links around the visitor's account (log in, log out), shown to signed-in or to
anonymous visitors. Labels are msgids, translated when a page shows them.
"""

from dataclasses import dataclass

from django.template.defaultfilters import urlencode
from django.urls import reverse
from django.utils.translation import gettext

from .urls_helpers import network_reverse

EVERYONE = None
ANY_ROLE = ""


@dataclass(frozen=True)
class MainEntry:
    url_name: str
    label: str
    order: int
    action: str | None = EVERYONE


@dataclass(frozen=True)
class AccountEntry:
    url_name: str
    label: str
    order: int
    signed_in: bool  # shown to signed-in visitors, else to anonymous ones
    post: bool = False  # a button in a form: the link changes state (logging out)
    return_here: bool = False  # carries ?next= so the visitor comes back to this page


@dataclass(frozen=True)
class AccessEntry:
    """A small link at the top of every network page to the site in another form of language
    (easy-read, sign language), as BITV 2.0 §4 asks; shown to everyone."""

    url_name: str
    label: str
    order: int
    icon: str


_main: dict[str, MainEntry] = {}
_account: dict[str, AccountEntry] = {}
_access: dict[str, AccessEntry] = {}


def register_main(url_name: str, label: str, *, order: int, action: str | None = EVERYONE):
    _main[url_name] = MainEntry(url_name, label, order, action)


def register_account(
    url_name: str,
    label: str,
    *,
    order: int,
    signed_in: bool,
    post: bool = False,
    return_here: bool = False,
):
    _account[url_name] = AccountEntry(url_name, label, order, signed_in, post, return_here)


def register_access(url_name: str, label: str, *, order: int, icon: str):
    _access[url_name] = AccessEntry(url_name, label, order, icon)


def unregister(url_name: str) -> None:
    _main.pop(url_name, None)
    _account.pop(url_name, None)
    _access.pop(url_name, None)


def access_links(network) -> list[dict]:
    """{"url", "label", "icon"} of the access entries of `network`, in order."""
    entries = sorted(_access.values(), key=lambda entry: (entry.order, entry.url_name))
    return [
        {
            "url": network_reverse(network, entry.url_name),
            "label": gettext(entry.label),
            "icon": entry.icon,
        }
        for entry in entries
    ]


def main_entries() -> list[MainEntry]:
    return sorted(_main.values(), key=lambda entry: (entry.order, entry.url_name))


def account_links(*, signed_in: bool, here: str) -> list[dict]:
    """{"url", "label", "post"} of the account entries for a signed-in or anonymous visitor."""
    entries = sorted(_account.values(), key=lambda entry: (entry.order, entry.url_name))
    return [
        {
            "url": reverse(entry.url_name)
            + (f"?next={urlencode(here)}" if entry.return_here else ""),
            "label": gettext(entry.label),
            "post": entry.post,
        }
        for entry in entries
        if entry.signed_in == signed_in
    ]

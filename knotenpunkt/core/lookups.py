"""Searchable pickers: what a form may choose from, searched by a small view as one types.

A form that picks a person or an organisation out of ~150 names renders the plain <select>
(which works without JavaScript) with a search field above it that htmx connects to a lookup
view; the view answers with the matching <option>s (core/widgets.py). The app that holds the
records registers the lookup in its AppConfig.ready(), so that a lower app's form (the team
page's invitation) can offer organisations without importing the members app::

    lookups.register(
        "organisations",
        url_name="members:organisation_lookup",
        choices=lambda network: Organisation.objects.filter(network=network),
        search_fields=("name", "short_name"),
    )

The app's lookup view declares its own action (core/policy.py) and calls `lookup_response`:
what it lists is what the same forms offer, within the request's network.
"""

from collections.abc import Callable
from dataclasses import dataclass
from functools import reduce
from operator import or_

from django.db.models import Q, QuerySet
from django.shortcuts import render

from .params import query_id, query_text

RESULTS = 20  # a list one can read: typing more narrows it


@dataclass(frozen=True)
class Lookup:
    name: str
    url_name: str
    choices: Callable[[object], QuerySet]  # choices(network): everything a form may offer
    search_fields: tuple[str, ...]
    label: Callable[[object], str] = str


_lookups: dict[str, Lookup] = {}


def register(
    name: str,
    *,
    url_name: str,
    choices: Callable[[object], QuerySet],
    search_fields: tuple[str, ...],
    label: Callable[[object], str] = str,
) -> None:
    _lookups[name] = Lookup(name, url_name, choices, tuple(search_fields), label)


def unregister(name: str) -> None:
    _lookups.pop(name, None)


def lookup_named(name: str) -> Lookup:
    return _lookups[name]


def choices(name: str, *, network) -> QuerySet:
    """What a form may choose from in the network (the registered app's queryset)."""
    return lookup_named(name).choices(network)


def matches(name: str, *, network, text: str) -> QuerySet:
    """The choices whose searched fields contain every word of `text` (any field per word)."""
    lookup = lookup_named(name)
    found = lookup.choices(network)
    for word in text.split():
        found = found.filter(
            reduce(or_, (Q(**{f"{field}__icontains": word}) for field in lookup.search_fields))
        )
    return found


def lookup_response(request, name: str):
    """The <option>s matching `?q=`, for the search above a picker (core/widgets.py).

    `?selected=` keeps the current choice in the list, so that filtering never drops what
    was chosen; an empty choice ("— on their own —") stays outside the part that is swapped.
    """
    lookup, network = lookup_named(name), request.network
    text = query_text(request, "q")
    found = list(matches(name, network=network, text=text)[: RESULTS + 1])
    # The picker sends its current value under its own name, and that name as ?field=.
    selected = query_id(request, query_text(request, "field") or "selected")
    chosen = None
    if selected is not None and all(obj.pk != selected for obj in found):
        chosen = lookup.choices(network).filter(pk=selected).first()
    options = [(obj.pk, lookup.label(obj)) for obj in found[:RESULTS]]
    if chosen is not None:
        options.insert(0, (chosen.pk, lookup.label(chosen)))
    context = {
        "options": options,
        "selected": selected,
        "more": len(found) > RESULTS,
        "count": min(len(found), RESULTS),
    }
    return render(request, "core/widgets/search_select_options.html", context)

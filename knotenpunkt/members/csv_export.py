"""CSV export of organisations and people, shaped so that spreadsheets open it and import reads it.

UTF-8 with BOM, `;` and CRLF are what German spreadsheet programs expect; the header uses the
stable English column keys of the import, so export → import round-trips.
"""

import csv
import io
from collections import Counter

from django.db.models import Prefetch
from django.utils.translation import gettext as _

from .csv_import import FORMULA_START
from .forms_csv import COLUMNS, ORGANISATIONS, PEOPLE
from .models import ContactPosition, Membership, Organisation, Person


def _guard(value) -> str:
    """A spreadsheet must not run a cell as a formula; a leading quote makes it text."""
    text = "" if value is None else str(value)
    return f"'{text}" if text.startswith(FORMULA_START) else text


def _yes_no(value: bool) -> str:
    return "yes" if value else "no"


def _csv(kind: str, rows) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow([column.key for column in COLUMNS[kind]])
    writer.writerows([_guard(cell) for cell in row] for row in rows)
    return buffer.getvalue().encode("utf-8-sig")


def organisations_for_export(*, network):
    open_memberships = Membership.objects.filter(left_on__isnull=True).order_by("joined_on")
    return (
        Organisation.objects.filter(network=network)
        .select_related("kind")
        .prefetch_related(Prefetch("memberships", open_memberships, to_attr="open_memberships"))
        .order_by("name", "city", "pk")
    )


def organisations_csv(*, network) -> bytes:
    rows = []
    for organisation in organisations_for_export(network=network):
        membership = organisation.open_memberships[0] if organisation.open_memberships else None
        rows.append(
            [
                organisation.name,
                organisation.kind.key,
                organisation.street,
                organisation.postal_code,
                organisation.city,
                organisation.website,
                organisation.email,
                organisation.phone,
                ", ".join(organisation.languages or []),
                _yes_no(organisation.public_listing),
                membership.joined_on.isoformat() if membership else "",
            ]
        )
    return _csv(ORGANISATIONS, rows)


def people_for_export(*, network):
    open_positions = (
        ContactPosition.objects.filter(ended_on__isnull=True)
        .select_related("organisation")
        .order_by("started_on", "pk")
    )
    return (
        Person.objects.filter(network=network)
        .prefetch_related(Prefetch("positions", open_positions, to_attr="open_positions"))
        .order_by("full_name", "pk")
    )


def people_csv(*, network) -> bytes:
    """One row per person with their earliest open contact position; erased people anonymous."""
    names = Counter(
        name.casefold()
        for name in Organisation.objects.filter(network=network).values_list("name", flat=True)
    )
    rows = []
    for person in people_for_export(network=network):
        position = person.open_positions[0] if person.open_positions else None
        organisation = ""
        if position is not None:
            organisation = position.organisation.name
            # The import finds an organisation by name, or by "name (city)" when names repeat.
            if names[organisation.casefold()] > 1 and position.organisation.city:
                organisation = f"{organisation} ({position.organisation.city})"
        if person.erased_at is not None:
            rows.append([_("Former contact"), "", "", "", "no", organisation, _role(position)])
            continue
        rows.append(
            [
                person.full_name,
                person.email,
                person.phone,
                ", ".join(person.languages or []),
                _yes_no(person.contact_consent),
                organisation,
                _role(position),
            ]
        )
    return _csv(PEOPLE, rows)


def _role(position) -> str:
    return position.role if position is not None else ""

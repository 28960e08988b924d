"""CSV import of organisations and people: read, validate every row, then write all or nothing.

`csv_import_preview` never writes. `csv_import_run` validates again (the database may have
changed since the preview) and writes every row in one transaction. For input they cannot
accept, both raise only `ImportRejected`, whose `problems` list every error by row and column.
"""

import csv
import datetime
import io
import re
import unicodedata
from dataclasses import dataclass, field

from django.conf import settings
from django.db import IntegrityError, transaction
from django.template.defaultfilters import filesizeformat
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from knotenpunkt.core.errors import ImportRejected
from knotenpunkt.core.formatting import format_local_date
from knotenpunkt.core.policy import require_actor
from knotenpunkt.core.search import search_index_many
from knotenpunkt.core.services import audit_record

from .forms_csv import COLUMNS, ORGANISATIONS, PEOPLE, Column, OrganisationRowForm, PersonRowForm
from .models import (
    DEFAULT_KIND_LABELS,
    ContactPosition,
    Membership,
    Organisation,
    OrganisationKind,
    Person,
)

# Spreadsheets execute cells starting with these; the export prefixes them with a quote.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
# Control characters never occur in a spreadsheet's CSV; they mean the file is binary.
CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
FILE_SIGNATURES = (
    (b"PK\x03\x04", "spreadsheet"),  # xlsx, ods (zip containers)
    (b"\xd0\xcf\x11\xe0", "spreadsheet"),  # xls
    (b"%PDF", "binary"),
    (b"\x89PNG", "binary"),
    (b"GIF8", "binary"),
    (b"\xff\xd8\xff", "binary"),
)
DELIMITERS = (";", ",")


@dataclass(frozen=True)
class Problem:
    """One error; `row` counts like a spreadsheet (the header is usually row 1)."""

    row: int
    column: str
    message: str


@dataclass
class Row:
    number: int
    data: dict
    created: list = field(default_factory=list)  # (audit action, target, context) once written


@dataclass
class ImportPreview:
    kind: str
    rows: list[Row] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    @property
    def columns(self) -> tuple[Column, ...]:
        return COLUMNS[self.kind]

    def table(self) -> list[tuple[int, list[str]]]:
        """The rows as display strings, in the order of `columns`."""
        return [
            (row.number, [_display(row.data.get(column.key)) for column in self.columns])
            for row in self.rows
        ]


def _display(value) -> str:
    """A cleaned cell as the preview shows it (kinds and organisations by their name)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    if isinstance(value, list):
        return ", ".join(value)
    if isinstance(value, datetime.date):
        return format_local_date(value)
    return str(value)


def _normalise(name: str) -> str:
    name = unicodedata.normalize("NFKC", name).strip().casefold()
    return re.sub(r"[\s_.\-]+", "_", name).strip("_")


def _column_index(kind: str) -> dict[str, str]:
    """Every accepted spelling of a header (key, alias, label in de/en/current) → the key."""
    index = {}
    for column in COLUMNS[kind]:
        names = [column.key, *column.aliases, str(column.label)]
        for language in ("de", "en"):
            with translation.override(language):
                names.append(str(column.label))
        index.update((_normalise(name), column.key) for name in names)
    return index


def _unguard(cell: str) -> str:
    """Undo the export's formula guard so that export → import round-trips."""
    if cell.startswith("'") and cell[1:2] and cell[1] in FORMULA_START:
        return cell[1:]
    return cell


def decode(raw: bytes) -> str:
    """The text of an upload, or ImportRejected if it is too large, empty or not text."""
    limit = settings.KNOTENPUNKT_IMPORT_MAX_BYTES
    if len(raw) > limit:
        raise ImportRejected(
            _("The file is larger than %(limit)s. Split it into smaller files.")
            % {"limit": filesizeformat(limit)},
            field="file",
        )
    for signature, what in FILE_SIGNATURES:
        if raw.startswith(signature):
            if what == "spreadsheet":
                raise ImportRejected(
                    _(
                        "This is a spreadsheet file, not CSV. Save it as “CSV UTF-8” in your "
                        "spreadsheet program and upload that file."
                    ),
                    field="file",
                )
            raise ImportRejected(_("This file is not a CSV file."), field="file")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        # Older spreadsheet programs on Windows save CSV in Windows-1252.
        text = None if raw.startswith(b"\xef\xbb\xbf") else _decode_cp1252(raw)
    if text is None or CONTROL_CHARACTERS.search(text):
        raise ImportRejected(
            _("This file is not a CSV text file (UTF-8 or Windows-1252)."), field="file"
        )
    if not text.strip():
        raise ImportRejected(_("The file is empty."), field="file")
    return text


def _decode_cp1252(raw: bytes) -> str | None:
    try:
        return raw.decode("cp1252")
    except UnicodeDecodeError:
        return None


def _header_line(text: str) -> str:
    for line in io.StringIO(text, newline=None):  # \r, \n and \r\n all end a line
        if line.strip(" \t\r\n;,\"'"):
            return line
    return ""


def _delimiter(text: str, index: dict[str, str]) -> str:
    """The delimiter under which the header names more known columns (`;` wins a tie)."""
    line = _header_line(text)

    def score(delimiter):
        try:
            cells = next(csv.reader([line], delimiter=delimiter), [])
        except csv.Error:
            cells = []
        known = sum(_normalise(cell) in index for cell in cells)
        return known, line.count(delimiter)

    return max(DELIMITERS, key=score)


def _read(text: str, delimiter: str) -> tuple[list[tuple[int, list[str]]], list[Problem]]:
    """The non-blank records with their row numbers; a record csv cannot read ends the file."""
    records, problems = [], []
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    number = 0
    while True:
        number += 1
        try:
            record = next(reader)
        except StopIteration:
            break
        except csv.Error:
            problems.append(
                Problem(
                    number,
                    "",
                    _("This row cannot be read as CSV (is a quotation mark not closed?)."),
                )
            )
            break
        if any(cell.strip() for cell in record):
            records.append((number, record))
    return records, problems


def _map_header(kind: str, number: int, cells: list[str]) -> tuple[list, list[Problem]]:
    """For each header cell the column key (None for an empty cell), and the header's problems."""
    index = _column_index(kind)
    keys, problems, seen = [], [], set()
    for cell in cells:
        name = cell.strip()
        key = index.get(_normalise(name)) if name else None
        keys.append(key)
        if name and key is None:
            known = ", ".join(column.key for column in COLUMNS[kind])
            problems.append(
                Problem(
                    number, name, _("Unknown column. Known columns: %(known)s.") % {"known": known}
                )
            )
        elif key in seen:
            problems.append(Problem(number, name, _("This column appears twice.")))
        seen.add(key)
    for column in COLUMNS[kind]:
        if column.required and column.key not in seen:
            problems.append(Problem(number, column.key, _("This required column is missing.")))
    if problems:
        other = PEOPLE if kind == ORGANISATIONS else ORGANISATIONS
        other_index = _column_index(other)
        names = [_normalise(cell) for cell in cells if cell.strip()]
        if names and all(name in other_index for name in names):
            problems.append(
                Problem(
                    number,
                    "",
                    _("These columns look like a file of %(other)s; choose that kind of file.")
                    % {"other": _("people") if other == PEOPLE else _("organisations")},
                )
            )
    return keys, problems


def _row_data(number, record, keys) -> tuple[dict, list[Problem]]:
    data, problems = {}, []
    for position, cell in enumerate(record):
        key = keys[position] if position < len(keys) else None
        if key is not None:
            data[key] = _unguard(cell)
        elif cell.strip():
            problems.append(
                Problem(number, "", _("This row has a value in a column without a header."))
            )
            break
    return data, problems


def _kind_lookup(network) -> tuple[dict, str]:
    lookup = {}
    kinds = list(OrganisationKind.objects.filter(network=network))
    for kind in kinds:
        names = {kind.key, kind.name, str(kind.label)}
        if kind.key in DEFAULT_KIND_LABELS:
            for language in ("de", "en"):
                with translation.override(language):
                    names.add(str(DEFAULT_KIND_LABELS[kind.key]))
        for name in names:
            lookup.setdefault(name.casefold(), [])
            if kind not in lookup[name.casefold()]:
                lookup[name.casefold()].append(kind)
    return lookup, ", ".join(kind.key for kind in kinds)


def _organisation_lookup(network) -> dict:
    lookup = {}
    for organisation in Organisation.objects.filter(network=network).only("id", "name", "city"):
        names = [organisation.name]
        if organisation.city:
            names.append(f"{organisation.name} ({organisation.city})")
        for name in names:
            lookup.setdefault(name.casefold(), []).append(organisation)
    return lookup


class _Duplicates:
    """Finds rows whose identity (name + city, or e-mail) occurs earlier or in the database."""

    def __init__(self, existing: set, column: str, in_file: str, in_database: str):
        self.existing, self.column = existing, column
        self.in_file, self.in_database = in_file, in_database
        self.first_row: dict = {}

    def check(self, number: int, identity) -> Problem | None:
        if identity in self.existing:
            return Problem(number, self.column, self.in_database)
        if identity in self.first_row:
            rows = {"first": self.first_row[identity], "row": number}
            return Problem(number, self.column, self.in_file % rows)
        self.first_row[identity] = number
        return None


def _duplicates(network, kind: str, headers: dict) -> _Duplicates:
    if kind == ORGANISATIONS:
        existing = {
            (name.casefold(), city.casefold())
            for name, city in Organisation.objects.filter(network=network).values_list(
                "name", "city"
            )
        }
        return _Duplicates(
            existing,
            headers.get("name", "name"),
            _("Rows %(first)s and %(row)s have the same name and city."),
            _("An organisation with this name and city exists already in this network."),
        )
    existing = {
        email.casefold()
        for email in Person.objects.filter(network=network)
        .exclude(email="")
        .values_list("email", flat=True)
    }
    return _Duplicates(
        existing,
        headers.get("email", "email"),
        _("Rows %(first)s and %(row)s have the same e-mail address."),
        _("A person with this e-mail address exists already in this network."),
    )


def _identity(kind: str, cleaned: dict):
    """What makes a row a duplicate; None while the cells it depends on are invalid."""
    if kind == ORGANISATIONS:
        if "name" not in cleaned or "city" not in cleaned:
            return None
        return (cleaned["name"].casefold(), cleaned["city"].casefold())
    return cleaned["email"].casefold() if cleaned.get("email") else None


def _row_form(network, kind: str):
    """The row form, with the network's kinds or organisations looked up once per file."""
    if kind == ORGANISATIONS:
        kinds, kinds_hint = _kind_lookup(network)
        return OrganisationRowForm(kinds=kinds, kinds_hint=kinds_hint)
    return PersonRowForm(organisations=_organisation_lookup(network))


def csv_import_preview(*, network, kind: str, raw: bytes) -> ImportPreview:
    """Read and validate a file; the preview lists every problem and the rows to be created."""
    if kind not in COLUMNS:
        raise ImportRejected(_("Choose what the file contains."), field="kind")
    text = decode(raw)
    records, problems = _read(text, _delimiter(text, _column_index(kind)))
    preview = ImportPreview(kind=kind, problems=problems)
    if not records:
        raise ImportRejected(_("The file has no header row."), field="file")
    (header_number, header), data_records = records[0], records[1:]
    keys, header_problems = _map_header(kind, header_number, header)
    if header_problems:
        preview.problems = header_problems + problems
        return preview
    if not data_records and not problems:
        raise ImportRejected(_("The file has a header row but no rows to import."), field="file")
    headers = {key: cell.strip() for key, cell in zip(keys, header, strict=False) if key}
    row_form = _row_form(network, kind)
    duplicates = _duplicates(network, kind, headers)
    row_problems = []
    for number, record in data_records:
        data, cell_problems = _row_data(number, record, keys)
        cleaned, errors = row_form.check(data)
        for key, messages in errors.items():
            column = headers.get(key, "")
            cell_problems.extend(Problem(number, column, message) for message in messages)
        identity = _identity(kind, cleaned)
        duplicate = duplicates.check(number, identity) if identity else None
        if duplicate:
            cell_problems.append(duplicate)
        if not cell_problems:
            preview.rows.append(Row(number, cleaned))
        row_problems.extend(cell_problems)
    preview.problems = sorted(row_problems + problems, key=lambda problem: problem.row)
    return preview


@transaction.atomic
def csv_import_run(*, network, actor, kind: str, raw: bytes, filename: str = "") -> int:
    """Validate again and write every row, or nothing; returns how many records were created."""
    require_actor(actor, network, "members.import")
    preview = csv_import_preview(network=network, kind=kind, raw=raw)
    if preview.problems:
        count = len(preview.problems)
        raise ImportRejected(
            ngettext(
                "Nothing was imported: the file has %(count)s error.",
                "Nothing was imported: the file has %(count)s errors.",
                count,
            )
            % {"count": count},
            problems=preview.problems,
        )
    write = _write_organisations if kind == ORGANISATIONS else _write_people
    try:
        with transaction.atomic():
            write(preview.rows, network=network, now=timezone.now())
            for row in preview.rows:
                summary = _("Imported from %(file)s, row %(row)s") % {
                    "file": filename or "CSV",
                    "row": row.number,
                }
                for action, target, context in row.created:
                    audit_record(
                        network=network,
                        actor=actor,
                        action=action,
                        target=target,
                        context=context,
                        summary=summary,
                    )
    except IntegrityError as error:
        # Someone added the same organisation or e-mail between validation and writing.
        raise ImportRejected(
            _("Nothing was imported: the data changed meanwhile. Upload the file again.")
        ) from error
    return len(preview.rows)


# Bulk inserts: a file of thousands of rows is written in a few queries. bulk_create sends no
# save signals, so whatever listens to them must be served here too (the search index is).
# Each record gets the audit entry (action, target, context) that the members service
# creating it one by one would record, so organisation timelines read the same.


def _write_organisations(rows: list[Row], *, network, now) -> None:
    fields = ("name", "kind", "street", "postal_code", "city", "website", "email", "phone")
    organisations = Organisation.objects.bulk_create(
        Organisation(
            network=network,
            **{name: row.data[name] for name in fields},
            languages=row.data["languages"],
            public_listing=row.data["public_listing"],
            public_listing_changed_at=now if row.data["public_listing"] else None,
        )
        for row in rows
    )
    memberships = []
    for row, organisation in zip(rows, organisations, strict=True):
        row.created = [("organisation.create", organisation, None)]
        if row.data["joined_on"]:
            membership = Membership(
                network=network, organisation=organisation, joined_on=row.data["joined_on"]
            )
            memberships.append(membership)
            row.created.append(("membership.join", membership, organisation))
    Membership.objects.bulk_create(memberships)
    search_index_many(organisations)


def _write_people(rows: list[Row], *, network, now) -> None:
    fields = ("full_name", "email", "phone", "languages", "contact_consent")
    people = Person.objects.bulk_create(
        Person(
            network=network,
            **{name: row.data[name] for name in fields},
            contact_consent_at=now if row.data["contact_consent"] else None,
        )
        for row in rows
    )
    today = timezone.localdate(now, timezone=network.tz)
    positions = []
    for row, person in zip(rows, people, strict=True):
        row.created = [("person.create", person, None)]
        organisation = row.data["organisation"]
        if organisation is not None:
            position = ContactPosition(
                network=network, organisation=organisation, person=person, started_on=today
            )
            position.role = row.data["role"] or position.role  # the model's default role
            positions.append(position)
            row.created.append(("position.open", position, organisation))
    ContactPosition.objects.bulk_create(positions)

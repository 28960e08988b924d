"""The audit trail: declared kinds, before/after values, and every write service recording one."""

import ast
import datetime
from pathlib import Path

import pytest
from django.utils import translation
from django.utils.text import capfirst
from django_scopes import scope

from knotenpunkt.accounts.services import account_update
from knotenpunkt.accounts.tests.factories import UserFactory, grant_role
from knotenpunkt.core.audit import (
    audit_kind_declared,
    audit_kind_label,
    changes_for_trail,
    readable_changes,
)
from knotenpunkt.core.formatting import format_local_date
from knotenpunkt.core.models import AuditEntry
from knotenpunkt.core.services import audit_record, network_create
from knotenpunkt.core.testing import translated
from knotenpunkt.core.tests.factories import NetworkFactory
from knotenpunkt.eventcalendar.import_tasks import event_source_create
from knotenpunkt.eventcalendar.tests.test_import import make_member_contact
from knotenpunkt.members.services import person_erase, person_update
from knotenpunkt.members.tests.factories import PersonFactory
from knotenpunkt.workinggroups.models import WorkingGroup
from knotenpunkt.workinggroups.services import group_update
from knotenpunkt.workinggroups.tests.factories import WorkingGroupFactory

SOURCE_ROOT = Path(__file__).resolve().parents[1]

# Writes inside an atomic block that leave no entry of their own, and why.
WRITES_WITHOUT_ENTRY = {
    # Derived data: the index follows the objects whose own writes are audited.
    "search_index": "the search index is derived from audited objects",
    "search_index_many": "the search index is derived from audited objects",
    "search_reindex": "the search index is derived from audited objects",
    # "Import now" only queues the run; the run records the import with who asked.
    "event_source_import_request": "the queued import run records the entry",
    # Closing an account follows an erasure that its caller records in the erasing network; an
    # entry of its own would have to name the account it removes.
    "account_erase": "the erasure that leads to it records the entry",
    # A person's own steps about their info mail subscription.
    "subscriber_request": "the consent log records it",
    "subscriber_confirm": "the consent log records it",
    "subscriber_preferences_change": "the consent log records it",
    "subscriber_unsubscribe": "the consent log records it",
    "subscriber_subscribe_self": "the consent log records it",
    # Counting a public form's posts per address (core/spam.py) is no act of anybody's.
    "rate_count": "a counter of the rate limit, not an act on the network's data",
}


def _source_files():
    for path in SOURCE_ROOT.rglob("*.py"):
        if {"tests", "migrations"}.isdisjoint(path.relative_to(SOURCE_ROOT).parts):
            yield path, ast.parse(path.read_text(encoding="utf-8"))


def _called_names(node) -> set[str]:
    names = set()
    for call in ast.walk(node):
        if isinstance(call, ast.Call):
            func = call.func
            names.add(func.id if isinstance(func, ast.Name) else getattr(func, "attr", ""))
    return names


def test_every_kind_written_in_the_code_is_declared_with_a_label():
    literal_kinds = set()
    for _path, tree in _source_files():
        for call in ast.walk(tree):
            if isinstance(call, ast.Call) and getattr(call.func, "id", "") == "audit_record":
                for keyword in call.keywords:
                    if keyword.arg == "action" and isinstance(keyword.value, ast.Constant):
                        literal_kinds.add(keyword.value.value)
    assert "group.update" in literal_kinds  # the scan sees the calls at all
    undeclared = sorted(kind for kind in literal_kinds if not audit_kind_declared(kind))
    assert undeclared == []
    assert all(audit_kind_label(kind) != kind for kind in literal_kinds)


def test_every_atomic_write_records_an_audit_entry_or_says_why_not():
    """A new service in a transaction that never reaches `audit_record` fails here."""
    calls: dict[str, set[str]] = {}
    atomic: list[str] = []
    for path, tree in _source_files():
        for node in ast.walk(tree):
            if isinstance(node, ast.FunctionDef):
                calls.setdefault(node.name, set()).update(_called_names(node))
                if any(ast.unparse(d) == "transaction.atomic" for d in node.decorator_list):
                    atomic.append(f"{path.relative_to(SOURCE_ROOT)}:{node.name}")
    auditing = {"audit_record"}
    grown = True
    while grown:
        before = len(auditing)
        auditing |= {name for name, called in calls.items() if called & auditing}
        grown = len(auditing) > before
    silent = [
        where
        for where in atomic
        if where.rsplit(":", 1)[1] not in auditing | set(WRITES_WITHOUT_ENTRY)
    ]
    assert len(atomic) > 50
    assert silent == []


def test_an_undeclared_kind_is_refused(network):
    with pytest.raises(ValueError, match="undeclared audit kind 'group.renamed'"):
        audit_record(network=network, actor=None, action="group.renamed", target=network)
    with scope(network=network):
        assert not AuditEntry.objects.filter(action="group.renamed").exists()


def test_changes_are_kept_json_safe_and_without_secrets():
    changes = {
        "active_from": (datetime.date(2026, 1, 31), None),
        "languages": (["de"], ["de", "ar"]),
        "password": ("old-hash", "new-hash"),
    }
    assert changes_for_trail(changes) == {
        "active_from": ["2026-01-31", None],
        "languages": [["de"], ["de", "ar"]],
    }


def test_creating_a_network_is_recorded_in_its_own_trail(db):
    operator = UserFactory(email="operator@example.org", is_staff=True)
    network = network_create(
        slug="neustadt", name="Netzwerk Neustadt", city="Neustadt", actor=operator
    )
    with scope(network=network):
        entry = AuditEntry.objects.get(network=network, action="network.create")
    assert (entry.actor, entry.target_label) == (operator, "Netzwerk Neustadt")


def test_a_group_edit_records_each_changed_field_before_and_after(network, coordinator):
    with scope(network=network):
        group = WorkingGroupFactory(
            network=network, name="Sprache", mandate="", meetings_per_year_target=4
        )
        group_update(group=group, actor=coordinator, name="Sprache und Bildung", mandate="")
        group_update(group=group, actor=coordinator, meetings_per_year_target=6)
        entries = list(AuditEntry.objects.filter(action="group.update").order_by("id"))
    assert [entry.changes for entry in entries] == [
        {"name": ["Sprache", "Sprache und Bildung"]},
        {"meetings_per_year_target": [4, 6]},
    ]


def test_an_account_change_is_recorded_in_each_network_of_the_account(network, other_network):
    user = UserFactory(full_name="Ayşe Demir", preferred_language="de")
    grant_role(user, network, "member_contact")
    grant_role(user, other_network, "city_liaison")
    lonely = UserFactory(full_name="Ohne Rolle")

    account_update(user=user, full_name="Ayşe Demir-Kaya", preferred_language="tr")
    account_update(user=lonely, full_name="Noch ohne Rolle", preferred_language="de")

    for each in (network, other_network):
        with scope(network=each):
            entry = AuditEntry.objects.get(network=each, action="account.update")
        assert entry.changes == {
            "full_name": ["Ayşe Demir", "Ayşe Demir-Kaya"],
            "preferred_language": ["de", "tr"],
        }
        assert entry.actor == user


def test_registering_a_calendar_to_import_is_recorded(network, django_capture_on_commit_callbacks):
    with scope(network=network):
        contact = make_member_contact(network)
        organisation = contact.own_organisation
        source = event_source_create(
            network=network,
            actor=contact,
            organisation=organisation,
            name="Termine",
            url="https://verein.example.org/termine.ics",
        )
        entry = AuditEntry.objects.get(action="event_source.create")
    assert (entry.target_id, entry.context_id, entry.actor) == (
        str(source.pk),
        str(organisation.pk),
        contact,
    )
    with translation.override("tr"):
        label = audit_kind_label("event_source.create")
    assert label == translated("Calendar to import added", "tr")


def test_kinds_read_in_the_users_language():
    from django.utils import translation

    with translation.override("de"):
        assert audit_kind_label("role.grant") == translated("Role given", "de")


def test_a_network_made_by_a_command_is_recorded_as_the_system(db):
    network = NetworkFactory(slug="altstadt")
    with scope(network=network):
        entry = AuditEntry.objects.get(action="network.create")
    # No stored label: pages name the system in the reader's language.
    assert entry.actor is None and entry.actor_label == ""


def test_erasing_a_person_removes_their_old_values_from_the_trail(network, coordinator):
    with scope(network=network):
        person = PersonFactory(
            network=network, full_name="Ayşe Demir", email="ayse@example.org", phone="0561 1"
        )
        person_update(person=person, actor=coordinator, phone="0561 2", full_name="Ayşe Kaya")
        person_erase(person=person, actor=coordinator)
        entry = AuditEntry.objects.get(action="person.update")
    assert entry.changes == {"full_name": [None, None], "phone": [None, None]}
    assert "Ayşe" not in entry.target_label


def test_changes_read_in_words_and_formats_of_the_readers_language(network, coordinator):
    with scope(network=network):
        group = WorkingGroupFactory(network=network, active_from=datetime.date(2025, 9, 1))
        group_update(group=group, actor=coordinator, active_from=datetime.date(2026, 1, 31))
        entry = AuditEntry.objects.get(action="group.update")

    with translation.override("de"):
        [change] = readable_changes(entry)
        label = capfirst(WorkingGroup._meta.get_field("active_from").verbose_name)
        assert (change.field, change.before, change.after) == (
            str(label),
            "01.09.2025",
            "31.01.2026",
        )
    with translation.override("en"):
        [change] = readable_changes(entry)
        assert change.after == format_local_date(datetime.date(2026, 1, 31), language="en")

"""Writes of the members app: organisations, memberships, people, contact positions, agreements.

Every function is one write: keyword-only, atomic, one audit entry (with the
organisation as context where there is one, so that its trail shows it).
History is closed with dates, never deleted.
"""

import datetime

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from knotenpunkt.accounts.models import Role
from knotenpunkt.accounts.services import invitation_create, role_grant, role_revoke
from knotenpunkt.core.audit import field_changes
from knotenpunkt.core.dates import short_date
from knotenpunkt.core.errors import DomainError
from knotenpunkt.core.policy import require_actor
from knotenpunkt.core.services import audit_record
from knotenpunkt.core.validation import (
    check_email,
    check_length,
    check_lengths,
    check_required,
    max_length_of,
)

from .agreements import (  # noqa: F401  (part of this module's interface)
    agreement_sign,
    agreement_version_create,
)
from .erasure import (  # noqa: F401  (part of this module's interface)
    erasure_request_carry_out,
    person_erase,
)
from .models import (
    MAIN_CONTACT,
    ContactPosition,
    Membership,
    Organisation,
    OrganisationKind,
    Person,
)
from .selectors import has_member_access, speaks_for_an_organisation
from .validation import check_contact, check_languages, check_organisation

ORGANISATION_FIELDS = (
    "name",
    "kind",
    "street",
    "postal_code",
    "city",
    "website",
    "email",
    "phone",
    "languages",
    "description",
    "public_listing",
    "trusted",
)
PERSON_FIELDS = ("full_name", "email", "phone", "languages", "contact_consent")


def _lock(organisation: Organisation) -> None:
    """Serialise writes to one organisation's periods (a no-op on SQLite, which locks the file)."""
    Organisation.objects.select_for_update().filter(pk=organisation.pk).first()


# Organisations ---------------------------------------------------------------------------


@transaction.atomic
def organisation_create(
    *,
    network,
    actor,
    name: str,
    kind: OrganisationKind,
    street: str = "",
    postal_code: str = "",
    city: str = "",
    website: str = "",
    email: str = "",
    phone: str = "",
    languages=(),
    description: str = "",
    public_listing: bool = False,
    trusted: bool = False,
    joined_on: datetime.date | None = None,
) -> Organisation:
    """Add an organisation; with `joined_on` it becomes a member from that day."""
    require_actor(actor, network, "members.manage")
    values = check_organisation(
        network,
        {
            "name": name,
            "kind": kind,
            "street": street,
            "postal_code": postal_code,
            "city": city or "",
            "phone": phone,
            "website": website,
            "email": email,
            "languages": languages,
            "description": description,
        },
    )
    organisation = Organisation.objects.create(
        network=network,
        **values,
        public_listing=public_listing,
        public_listing_changed_at=timezone.now() if public_listing else None,
        trusted=trusted,
    )
    audit_record(network=network, actor=actor, action="organisation.create", target=organisation)
    if joined_on is not None:
        membership_join(organisation=organisation, actor=actor, joined_on=joined_on)
    return organisation


@transaction.atomic
def organisation_update(*, organisation: Organisation, actor, **changes) -> Organisation:
    """Change profile fields; the audit entry names the fields that changed."""
    require_actor(actor, organisation.network, "organisation.act_for", organisation)
    unknown = set(changes) - set(ORGANISATION_FIELDS)
    if unknown:
        raise TypeError(f"not editable: {', '.join(sorted(unknown))}")
    network = organisation.network
    changes = check_organisation(network, changes, current=organisation)
    diff = field_changes(organisation, changes)
    changed = list(diff)
    if not changed:
        return organisation
    update_fields = [*changed, "updated_at"]
    for key in changed:
        setattr(organisation, key, changes[key])
    if "public_listing" in changed:
        organisation.public_listing_changed_at = timezone.now()
        update_fields.append("public_listing_changed_at")
    organisation.save(update_fields=update_fields)
    audit_record(
        network=network,
        actor=actor,
        action="organisation.update",
        target=organisation,
        summary=", ".join(changed),
        changes=diff,
    )
    return organisation


# Memberships -----------------------------------------------------------------------------


@transaction.atomic
def membership_join(*, organisation: Organisation, actor, joined_on: datetime.date) -> Membership:
    """Open a membership period; re-joining after leaving opens a new one and keeps the old."""
    require_actor(actor, organisation.network, "members.manage")
    _lock(organisation)
    periods = list(Membership.objects.filter(organisation=organisation).order_by("-joined_on"))
    current = next((period for period in periods if period.left_on is None), None)
    if current is not None:
        raise DomainError(
            _("%(name)s is a member already (since %(date)s).")
            % {"name": organisation.name, "date": short_date(current.joined_on)},
            field="joined_on",
        )
    last_left = max((period.left_on for period in periods), default=None)
    if last_left is not None and joined_on < last_left:
        raise DomainError(
            _("A new membership cannot start before the last one ended (%(date)s).")
            % {"date": short_date(last_left)},
            field="joined_on",
        )
    membership = Membership.objects.create(
        network=organisation.network, organisation=organisation, joined_on=joined_on
    )
    audit_record(
        network=organisation.network,
        actor=actor,
        action="membership.join",
        target=membership,
        context=organisation,
        summary=joined_on.isoformat(),
    )
    return membership


@transaction.atomic
def membership_leave(
    *, organisation: Organisation, actor, left_on: datetime.date, reason: str = ""
) -> Membership:
    """Close the open membership period with a date and a reason."""
    require_actor(actor, organisation.network, "members.manage")
    reason = check_length(
        (reason or "").strip(), field="reason", max_length=max_length_of(Membership, "leave_reason")
    )
    _lock(organisation)
    current = Membership.objects.filter(organisation=organisation, left_on__isnull=True).first()
    if current is None:
        raise DomainError(
            _("%(name)s is not a member at the moment.") % {"name": organisation.name},
            field="left_on",
        )
    if left_on < current.joined_on:
        raise DomainError(
            _("The membership cannot end before it began (%(date)s).")
            % {"date": short_date(current.joined_on)},
            field="left_on",
        )
    current.left_on = left_on
    current.leave_reason = reason
    current.save(update_fields=["left_on", "leave_reason"])
    audit_record(
        network=organisation.network,
        actor=actor,
        action="membership.leave",
        target=current,
        context=organisation,
        summary=current.leave_reason,
    )
    return current


# People ----------------------------------------------------------------------------------


def _check_unique_email(network, email: str, *, exclude_pk=None) -> None:
    if not email:
        return
    clash = Person.objects.filter(network=network, email__iexact=email)
    if exclude_pk is not None:
        clash = clash.exclude(pk=exclude_pk)
    if clash.exists():
        raise DomainError(
            _("Another person in this network has this e-mail address."), field="email"
        )


@transaction.atomic
def person_create(
    *,
    network,
    actor,
    full_name: str,
    email: str = "",
    phone: str = "",
    languages=(),
    contact_consent: bool = False,
) -> Person:
    require_actor(actor, network, "members.manage")
    texts = check_lengths(
        Person,
        {"full_name": check_required(full_name, field="full_name"), "phone": (phone or "").strip()},
    )
    email = check_email(email, field="email")
    _check_unique_email(network, email)
    person = Person.objects.create(
        network=network,
        **texts,
        email=email,
        languages=check_languages(languages),
        contact_consent=contact_consent,
        contact_consent_at=timezone.now() if contact_consent else None,
    )
    audit_record(network=network, actor=actor, action="person.create", target=person)
    return person


@transaction.atomic
def person_update(*, person: Person, actor, **changes) -> Person:
    """Change a person's data; consent changes are time-stamped."""
    require_actor(actor, person.network, "members.manage")
    unknown = set(changes) - set(PERSON_FIELDS)
    if unknown:
        raise TypeError(f"not editable: {', '.join(sorted(unknown))}")
    if person.is_erased:
        raise DomainError(_("The personal data of this person has been erased."))
    if "full_name" in changes:
        changes["full_name"] = check_required(changes["full_name"], field="full_name")
    if "languages" in changes:
        changes["languages"] = check_languages(changes["languages"])
    for key, value in changes.items():
        if isinstance(value, str):
            changes[key] = value.strip()
    check_lengths(Person, changes)
    check_contact(changes)
    diff = field_changes(person, changes)
    changed = list(diff)
    if not changed:
        return person
    if "email" in changed:
        _check_unique_email(person.network, changes["email"], exclude_pk=person.pk)
    for key in changed:
        setattr(person, key, changes[key])
    update_fields = list(changed)
    if "contact_consent" in changed:
        person.contact_consent_at = timezone.now()
        update_fields.append("contact_consent_at")
    person.save(update_fields=update_fields)
    audit_record(
        network=person.network,
        actor=actor,
        action="person.update",
        target=person,
        summary=", ".join(changed),
        changes=diff,
    )
    return person


def _resolve_person(*, network, actor, person: Person | None, person_data: dict | None, field):
    """An existing person of this network, or a new one made from `person_data`."""
    if person is not None:
        if person.network_id != network.pk:
            raise DomainError(_("Choose a person of this network."), field=field)
        if person.is_erased:
            raise DomainError(_("The personal data of this person has been erased."), field=field)
        return person
    if not person_data or not (person_data.get("full_name") or "").strip():
        raise DomainError(_("Choose a person or enter the name of a new one."), field=field)
    return person_create(network=network, actor=actor, **person_data)


# Contact positions -----------------------------------------------------------------------


@transaction.atomic
def position_open(
    *,
    organisation: Organisation,
    actor,
    started_on: datetime.date,
    role: str = MAIN_CONTACT,
    person: Person | None = None,
    person_data: dict | None = None,
) -> ContactPosition:
    """Make a person (existing, or new from `person_data`) a contact of the organisation."""
    require_actor(actor, organisation.network, "members.manage")
    network = organisation.network
    role = check_required(role, field="role")
    check_lengths(ContactPosition, {"role": role})
    person = _resolve_person(
        network=network, actor=actor, person=person, person_data=person_data, field="person"
    )
    if ContactPosition.objects.filter(
        organisation=organisation, person=person, role=role, ended_on__isnull=True
    ).exists():
        raise DomainError(
            _("%(person)s holds this role at %(organisation)s already.")
            % {"person": person.display_name, "organisation": organisation.name},
            field="person",
        )
    position = ContactPosition.objects.create(
        network=network,
        organisation=organisation,
        person=person,
        role=role,
        started_on=started_on,
    )
    audit_record(
        network=network,
        actor=actor,
        action="position.open",
        target=position,
        context=organisation,
        summary=role,
    )
    return position


def _open_position(position: ContactPosition) -> ContactPosition:
    """The position as stored now, refusing one that has ended meanwhile."""
    _lock(position.organisation)
    fresh = ContactPosition.objects.select_related("person", "organisation").get(pk=position.pk)
    if fresh.ended_on is not None:
        raise DomainError(_("This contact role has ended already."))
    return fresh


@transaction.atomic
def position_close(*, position: ContactPosition, actor, ended_on: datetime.date) -> ContactPosition:
    """End a contact role without a successor (the person stays in the history)."""
    require_actor(actor, position.network, "members.manage")
    position = _open_position(position)
    if ended_on < position.started_on:
        raise DomainError(
            _("The role cannot end before it began (%(date)s).")
            % {"date": short_date(position.started_on)},
            field="ended_on",
        )
    position.ended_on = ended_on
    position.save(update_fields=["ended_on"])
    audit_record(
        network=position.network,
        actor=actor,
        action="position.close",
        target=position,
        context=position.organisation,
        summary=position.role,
    )
    return position


def _invitation_language(network, person: Person, language: str | None) -> str:
    for code in [language, *(person.languages or [])]:
        if code in network.languages:
            return code
    return network.default_language


def _set_note(position: ContactPosition, note: str) -> bool:
    """Put the holder's note for the successor on the position; False if it did not change."""
    note = (note or "").strip()
    if note == position.handover_note:
        return False
    position.handover_note = note
    position.handover_note_updated_at = timezone.now()
    position.save(update_fields=["handover_note", "handover_note_updated_at"])
    return True


@transaction.atomic
def position_note_update(*, position: ContactPosition, actor, note: str) -> ContactPosition:
    """The holder's (or the coordinator's) note on what the successor needs to know."""
    require_actor(actor, position.network, "position.note", position)
    position = _open_position(position)
    if _set_note(position, note):
        audit_record(
            network=position.network,
            actor=actor,
            action="position.note",
            target=position,
            context=position.organisation,
            summary=position.role,
        )
    return position


@transaction.atomic
def contact_handover(
    *,
    position: ContactPosition,
    actor,
    on: datetime.date,
    note: str | None = None,
    successor: Person | None = None,
    successor_data: dict | None = None,
    language: str | None = None,
    end_access: bool = False,
) -> ContactPosition:
    """Hand a contact role to someone else: close the old period, open the successor's.

    `note` (if given) replaces the outgoing holder's note for the successor, who
    finds it on the predecessor position. The successor gets access: a linked
    account gets the member-contact role, a person with an e-mail address and no
    account gets an invitation by mail. With `end_access`, the outgoing holder loses the
    member-contact role unless they still speak for another organisation.
    """
    require_actor(actor, position.network, "members.handover")
    position = _open_position(position)
    organisation, network = position.organisation, position.network
    if on < position.started_on:
        raise DomainError(
            _("The handover cannot happen before the role began (%(date)s).")
            % {"date": short_date(position.started_on)},
            field="on",
        )
    successor = _resolve_person(
        network=network,
        actor=actor,
        person=successor,
        person_data=successor_data,
        field="successor",
    )
    if successor.pk == position.person_id:
        raise DomainError(_("Choose someone else than the current contact."), field="successor")
    if note is not None:
        _set_note(position, note)
    position.ended_on = on
    position.save(update_fields=["ended_on"])
    new_position = ContactPosition.objects.create(
        network=network,
        organisation=organisation,
        person=successor,
        role=position.role,
        started_on=on,
        predecessor=position,
    )
    audit_record(
        network=network,
        actor=actor,
        action="contact.handover",
        target=new_position,
        context=organisation,
        summary=position.role,
    )
    if end_access:
        _member_access_end(network=network, person=position.person, actor=actor)
    if successor.user_id is not None:
        role_grant(network=network, user=successor.user, role=Role.MEMBER_CONTACT, actor=actor)
    elif successor.email:
        invitation_create(
            network=network,
            email=successor.email,
            role=Role.MEMBER_CONTACT,
            actor=actor,
            language=_invitation_language(network, successor, language),
            person=successor,
            note=position.handover_note,
        )
    return new_position


def _member_access_end(*, network, person, actor) -> None:
    """Someone who no longer speaks for any organisation here does not need the member-contact
    role: the handover may end it (other roles stay; a handover may be dated ahead)."""
    if has_member_access(network=network, person=person) and not speaks_for_an_organisation(
        network=network, person=person
    ):
        role_revoke(network=network, user=person.user, role=Role.MEMBER_CONTACT, actor=actor)

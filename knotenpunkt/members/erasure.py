"""GDPR erasure of a contact person: personal data goes, the history keeps a former contact."""

import re

from django.db import transaction
from django.db.models import Q
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from knotenpunkt.core.errors import DomainError
from knotenpunkt.core.models import AuditEntry
from knotenpunkt.core.policy import require_actor
from knotenpunkt.core.services import audit_record

from .dates import network_today
from .models import ContactPosition, Person


def _scrub_audit_trail(person: Person, *, name: str, email: str, position_ids) -> None:
    """Remove the person's name and address from every audit entry that mentions them."""
    with translation.override(person.network.default_language):
        placeholder = _("Former contact")
    patterns = [re.escape(text) for text in (name, email) if text]
    if not patterns:
        return
    mention = re.compile(r"(?<!\w)(" + "|".join(patterns) + r")(?!\w)", re.IGNORECASE)
    about_person = Q(target_type="members.person", target_id=str(person.pk)) | Q(
        context_type="members.person", context_id=str(person.pk)
    )
    query = about_person | Q(
        target_type="members.contactposition", target_id__in=[str(pk) for pk in position_ids]
    )
    for text in (name, email):
        if text:
            query |= Q(target_label__icontains=text) | Q(summary__icontains=text)
    entries = list(AuditEntry.objects.filter(network=person.network).filter(query))
    for entry in entries:
        entry.target_label = mention.sub(placeholder, entry.target_label)
        entry.summary = mention.sub(placeholder, entry.summary)
    AuditEntry.objects.bulk_update(entries, ["target_label", "summary"])


@transaction.atomic
def person_erase(*, person: Person, actor) -> Person:
    """Anonymise a person everywhere; their positions and signatures stay as a former contact.

    Open roles end today, so the organisation no longer lists an erased contact as current.
    """
    require_actor(actor, person.network, "people.erase")
    if person.is_erased:
        raise DomainError(_("The personal data of this person has been erased already."))
    network = person.network
    name, email = person.full_name, person.email
    today = network_today(network)
    positions = list(ContactPosition.objects.filter(person=person))
    for position in positions:
        if position.ended_on is None:
            position.ended_on = max(today, position.started_on)
            position.save(update_fields=["ended_on"])
    person.invitations.update(email="", expires_at=timezone.now())
    person.full_name = ""
    person.email = ""
    person.phone = ""
    person.languages = []
    person.contact_consent = False
    person.contact_consent_at = None
    person.user = None
    person.erased_at = timezone.now()
    person.save()
    _scrub_audit_trail(person, name=name, email=email, position_ids=[p.pk for p in positions])
    audit_record(network=network, actor=actor, action="person.erase", target=person)
    return person

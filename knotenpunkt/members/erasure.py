"""GDPR erasure of a contact person: personal data goes, the history keeps a former contact.

The linked account leaves the network with the person (its roles here end) and is disabled
and anonymised when nothing ties it to any other network (accounts.erasure). What erasure
cannot reach is the name written in free text (minutes, wiki pages, decisions): the places
are listed on the person's page for the coordinator to edit (core.personal_data).
See docs/decisions/0017-personal-data-registry-and-erasure.md.
"""

from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django_scopes import scopes_disabled

from knotenpunkt.accounts.erasure import (
    account_erase,
    audit_scrub,
    erasure_request_done,
    has_roles_anywhere,
    roles_end,
)
from knotenpunkt.core import personal_data
from knotenpunkt.core.dates import network_today
from knotenpunkt.core.errors import DomainError
from knotenpunkt.core.policy import require_actor
from knotenpunkt.core.services import audit_record

from .models import ContactPosition, Person


def _account_leaves(*, user, network, actor) -> None:
    """End the account's roles here; disable it if no network keeps it any more."""
    roles_end(network=network, user=user, actor=actor)
    with scopes_disabled():  # the account's ties in every network
        other_persons = Person.objects.filter(user=user, erased_at__isnull=True).exists()
    if not other_persons and not has_roles_anywhere(user) and not user.is_staff:
        account_erase(user=user, actor=actor)


@transaction.atomic
def person_erase(*, person: Person, actor) -> Person:
    """Anonymise a person everywhere; their positions and signatures stay as a former contact.

    Open roles end today, so the organisation no longer lists an erased contact as current.
    """
    require_actor(actor, person.network, "people.erase")
    if person.is_erased:
        raise DomainError(_("The personal data of this person has been erased already."))
    network = person.network
    user = person.user
    texts = [person.full_name, person.email]
    if user is not None:
        texts += [user.full_name, user.email]
    today = network_today(network)
    positions = list(ContactPosition.objects.filter(person=person))
    for position in positions:
        if position.ended_on is None:
            position.ended_on = max(today, position.started_on)
            position.save(update_fields=["ended_on"])
    mentions = personal_data.mentions_of(network=network, needles=set(texts))
    person.invitations.update(email="", expires_at=timezone.now())
    person.full_name = ""
    person.email = ""
    person.phone = ""
    person.languages = []
    person.contact_consent = False
    person.contact_consent_at = None
    person.user = None
    person.erased_at = timezone.now()
    person.erasure_mentions = [mention.as_dict() for mention in mentions]
    person.save()
    if user is not None:
        _account_leaves(user=user, network=network, actor=actor)
    about = (
        Q(target_type="members.person", target_id=str(person.pk))
        | Q(context_type="members.person", context_id=str(person.pk))
        | Q(target_type="members.contactposition", target_id__in=[str(p.pk) for p in positions])
    )
    audit_scrub(network=network, texts=texts, about=about, edits_of=person)
    audit_record(network=network, actor=actor, action="person.erase", target=person)
    return person


@transaction.atomic
def erasure_request_carry_out(*, request, actor) -> list[Person]:
    """Do what a user asked from their account page: erase their contact persons here, end
    their roles here (and close the account if no other network keeps it).

    Returns the erased persons, whose pages list the texts that still name them.
    """
    network, user = request.network, request.user
    texts = [user.full_name, user.email]  # before an erased account loses them
    erasure_request_done(request=request, actor=actor)
    persons = list(Person.objects.filter(network=network, user=user, erased_at__isnull=True))
    for person in persons:
        person_erase(person=person, actor=actor)
    if not persons:
        _account_leaves(user=user, network=network, actor=actor)
    # The request's own entries name the account; here it is a former contact now.
    audit_scrub(network=network, texts=texts, about=Q(actor=user))
    return persons

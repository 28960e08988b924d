"""What the members app holds about a user's contact persons, and where names are written.

Imported from MembersConfig.ready(); see core/personal_data.py.
"""

from django.db.models import Prefetch, Q
from django.utils.translation import gettext_lazy as _

from knotenpunkt.core import personal_data
from knotenpunkt.core.models import AuditEntry

from .models import AgreementSignature, ContactPosition, Organisation, Person


def _iso(value):
    return value.isoformat() if value is not None else None


def persons_of(user):
    """The user's contact persons in every network (the caller disables scopes)."""
    return (
        Person.objects.filter(user=user).select_related("network").order_by("network__name", "pk")
    )


def _audit_about(persons) -> dict[int, list[dict]]:
    """The audit entries about each person, what the coordination recorded about them."""
    ids = {str(person.pk): person.pk for person in persons}
    entries = AuditEntry.objects.filter(
        Q(target_type="members.person", target_id__in=ids)
        | Q(context_type="members.person", context_id__in=ids)
    ).order_by("created_at", "pk")
    about: dict[int, list[dict]] = {pk: [] for pk in ids.values()}
    for entry in entries:
        person_id = ids.get(
            entry.target_id if entry.target_type == "members.person" else entry.context_id
        )
        about[person_id].append(
            {"action": entry.action, "summary": entry.summary, "created_at": _iso(entry.created_at)}
        )
    return about


def contact_persons(user) -> list[dict]:
    persons = list(
        persons_of(user).prefetch_related(
            Prefetch(
                "positions",
                queryset=ContactPosition.objects.select_related("organisation").order_by(
                    "started_on", "pk"
                ),
            ),
            Prefetch(
                "signatures",
                queryset=AgreementSignature.objects.select_related(
                    "organisation", "version"
                ).order_by("signed_on", "pk"),
            ),
        )
    )
    audit = _audit_about(persons)
    return [
        {
            "network": {"slug": person.network.slug, "name": person.network.name},
            "name": person.full_name,
            "email": person.email,
            "phone": person.phone,
            "languages": list(person.languages or []),
            "contact_consent": person.contact_consent,
            "contact_consent_at": _iso(person.contact_consent_at),
            "created_at": _iso(person.created_at),
            "positions": [
                {
                    "organisation": position.organisation.name,
                    "role": position.role,
                    "started_on": _iso(position.started_on),
                    "ended_on": _iso(position.ended_on),
                    "handover_note": position.handover_note,
                }
                for position in person.positions.all()
            ],
            "signatures": [
                {
                    "organisation": signature.organisation.name,
                    "agreement": signature.version.title,
                    "agreement_valid_from": _iso(signature.version.valid_from),
                    "signed_on": _iso(signature.signed_on),
                }
                for signature in person.signatures.all()
            ],
            "audit_entries": audit[person.pk],
        }
        for person in persons
    ]


def organisations_mentioning(network, needles):
    fields = ("description", "email", "memberships__leave_reason")
    rows = Organisation.objects.filter(network=network).filter(
        personal_data.text_contains_any(fields, needles)
    )
    for organisation in rows.distinct().order_by("name", "pk"):
        path = personal_data.network_path(
            "members:organisation_edit", organisation_id=organisation.pk
        )
        yield organisation.name, path


def handover_notes_mentioning(network, needles):
    rows = ContactPosition.objects.filter(network=network).filter(
        personal_data.text_contains_any(["handover_note"], needles)
    )
    for position in rows.select_related("organisation").order_by("organisation__name", "pk"):
        # The organisation's page shows every holder's note; an ended role's note is kept there.
        path = personal_data.network_path(
            "members:organisation_detail", organisation_id=position.organisation_id
        )
        yield position.organisation.name, path


personal_data.register_person_model(Person)
personal_data.register(
    "contact_persons",
    contact_persons,
    covers=[
        "members.Person.user",
        "members.ContactPosition.person",
        "members.AgreementSignature.signed_by",
    ],
)
personal_data.register_ties(
    lambda user: Person.objects.filter(user=user, erased_at__isnull=True).values_list(
        "network", flat=True
    )
)
personal_data.exclude(
    "members.AgreementSignature.recorded_by",
    reason="Who entered an organisation's signature is a coordinator's work on someone else's "
    "record; it is in their audit entries.",
)
personal_data.exclude(
    "members.ImportJob.actor",
    reason="An import holds other people's rows; who uploaded it is in their audit entries, "
    "and its error details are deleted after KNOTENPUNKT_IMPORT_DETAILS_DAYS.",
)
personal_data.register_mentions("members.organisation", _("Organisation"), organisations_mentioning)
personal_data.register_mentions(
    "members.handover_note", _("Note for the successor"), handover_notes_mentioning
)

"""Writes of the cooperation agreement: its versions and the organisations' signatures.

Part of the members app's services (re-exported by services.py): the agreement is its own
concept, with rules of its own (one version per day, one signature per version).
"""

import datetime

from django.db import transaction
from django.utils.translation import gettext as _

from knotenpunkt.core.dates import network_today, short_date
from knotenpunkt.core.errors import DomainError
from knotenpunkt.core.policy import require_actor
from knotenpunkt.core.services import audit_record
from knotenpunkt.core.validation import check_lengths, check_required

from .models import AgreementSignature, AgreementVersion, Organisation, Person


@transaction.atomic
def agreement_version_create(
    *, network, actor, title: str, text: str, valid_from: datetime.date
) -> AgreementVersion:
    require_actor(actor, network, "agreements.manage")
    title = check_required(title, field="title")
    text = check_required(text, field="text")
    check_lengths(AgreementVersion, {"title": title})
    if AgreementVersion.objects.filter(network=network, valid_from=valid_from).exists():
        raise DomainError(_("Another version is valid from this day already."), field="valid_from")
    version = AgreementVersion.objects.create(
        network=network, title=title, text=text, valid_from=valid_from
    )
    audit_record(network=network, actor=actor, action="agreement.create", target=version)
    return version


@transaction.atomic
def agreement_sign(
    *,
    organisation: Organisation,
    version: AgreementVersion,
    actor,
    signed_on: datetime.date,
    signed_by: Person | None = None,
) -> AgreementSignature:
    """Record that an organisation signed a version of the agreement (once per version)."""
    require_actor(actor, organisation.network, "agreements.manage")
    network = organisation.network
    if version.network_id != network.pk:
        raise DomainError(_("Choose a version of this network's agreement."), field="version")
    if signed_by is not None and (signed_by.network_id != network.pk or signed_by.is_erased):
        raise DomainError(_("Choose a person of this network."), field="signed_by")
    if signed_on > network_today(network):
        raise DomainError(_("The date of signing cannot be in the future."), field="signed_on")
    existing = AgreementSignature.objects.filter(organisation=organisation, version=version).first()
    if existing is not None:
        raise DomainError(
            _("%(organisation)s has signed this version already (on %(date)s).")
            % {"organisation": organisation.name, "date": short_date(existing.signed_on)},
            field="version",
        )
    signature = AgreementSignature.objects.create(
        network=network,
        organisation=organisation,
        version=version,
        signed_on=signed_on,
        signed_by=signed_by,
        recorded_by=actor if getattr(actor, "is_authenticated", False) else None,
    )
    audit_record(
        network=network,
        actor=actor,
        action="agreement.sign",
        target=signature,
        context=organisation,
        summary=version.title,
    )
    return signature

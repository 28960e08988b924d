"""Starter content of the members app for a newly created network; invited member contacts
become contacts of their organisation."""

from django.dispatch import receiver
from django.utils import translation

from knotenpunkt.accounts.signals import invitation_accepted
from knotenpunkt.core.signals import network_created

from .invited_contacts import contact_from_invitation
from .models import DEFAULT_ORGANISATION_KINDS, OrganisationKind


@receiver(network_created)
def add_default_organisation_kinds(sender, network, **kwargs):
    with translation.override(network.default_language):
        OrganisationKind.objects.bulk_create(
            OrganisationKind(network=network, key=key, name=str(label), position=index)
            for index, (key, label) in enumerate(DEFAULT_ORGANISATION_KINDS)
        )


@receiver(invitation_accepted)
def make_the_invited_a_contact(sender, invitation, user, **kwargs):
    contact_from_invitation(invitation=invitation, user=user)

"""Starter content of the members app for a newly created network."""

from django.dispatch import receiver
from django.utils import translation

from knotenpunkt.core.signals import network_created

from .models import DEFAULT_ORGANISATION_KINDS, OrganisationKind


@receiver(network_created)
def add_default_organisation_kinds(sender, network, **kwargs):
    with translation.override(network.default_language):
        OrganisationKind.objects.bulk_create(
            OrganisationKind(network=network, key=key, name=str(label), position=index)
            for index, (key, label) in enumerate(DEFAULT_ORGANISATION_KINDS)
        )

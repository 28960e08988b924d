"""Starter content of the offers app for a newly created network."""

from django.dispatch import receiver
from django_scopes import scope

from knotenpunkt.core.signals import network_created

from .taxonomy import starter_taxonomy_create


@receiver(network_created)
def add_starter_taxonomy(sender, network, **kwargs):
    # A network may be created outside any scope (the coordinator's form, the demo loader).
    with scope(network=network):
        starter_taxonomy_create(network)

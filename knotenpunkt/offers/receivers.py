"""Starter content of the offers app for a newly created network."""

from django.dispatch import receiver
from django_scopes import scope

from knotenpunkt.core.signals import network_created

from .taxonomy import starter_taxonomy_create


@receiver(network_created)
def add_starter_taxonomy(sender, network, **kwargs):
    # A network is created outside any network's scope (by an operator or a command); its
    # starter taxonomy is read and written in its own.
    with scope(network=network):
        starter_taxonomy_create(network)

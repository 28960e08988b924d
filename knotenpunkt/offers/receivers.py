"""Starter content of the offers app for a newly created network."""

from django.dispatch import receiver

from knotenpunkt.core.signals import network_created

from .taxonomy import starter_taxonomy_create


@receiver(network_created)
def add_starter_taxonomy(sender, network, **kwargs):
    starter_taxonomy_create(network)

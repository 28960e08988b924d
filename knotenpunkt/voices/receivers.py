"""Starter content of the voices app for a newly created network."""

from django.dispatch import receiver

from knotenpunkt.core.signals import network_created

from .topics import starter_topics_create


@receiver(network_created)
def add_starter_topics(sender, network, **kwargs):
    starter_topics_create(network)

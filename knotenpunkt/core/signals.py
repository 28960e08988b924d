"""Signals through which core tells domain apps about new networks (core imports no domain app)."""

from django.dispatch import Signal

# Sent inside the creating transaction; receivers add their starter content.
network_created = Signal()

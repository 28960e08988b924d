"""Signals through which accounts tells the apps above it what happened (it imports none)."""

from django.dispatch import Signal

# Sent inside the accepting transaction with `invitation` and `user`, after the role was
# granted: the members app makes a member contact the contact of the invitation's
# organisation.
invitation_accepted = Signal()

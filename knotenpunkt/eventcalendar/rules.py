"""Who may do what with events, editions and calendar sources (core/policy.py).

The coordinator moderates and writes any event; member contacts write the events and
manage the calendar sources of the organisations they speak for.
"""

from knotenpunkt.accounts.models import Role
from knotenpunkt.core import policy

from .models import Event, EventSource

C, L, M = Role.COORDINATOR, Role.CITY_LIAISON, Role.MEMBER_CONTACT


def organisation_of(obj):
    """The organisation an event or a calendar source belongs to (or the organisation itself)."""
    if isinstance(obj, Event):
        return obj.organiser
    if isinstance(obj, EventSource):
        return obj.organisation
    return obj


def _speaks_for_owner(user, network, obj) -> bool:
    """The contact of the event's or source's organisation (None: of any organisation here)."""
    organisation = None if obj is None else organisation_of(obj)
    if obj is not None and organisation is None:
        return False
    return policy.can(user, network, "organisation.act_for", organisation)


policy.declare("events.submit", roles={C, M})
policy.declare("events.moderate", roles={C})
policy.declare("events.write", roles={C}, rule=_speaks_for_owner)
policy.declare("editions.manage", roles={C})
policy.declare("events.sources", roles={C, M})
policy.declare("events.sources_all", roles={C})
policy.declare("events.source_manage", roles={C}, rule=_speaks_for_owner)

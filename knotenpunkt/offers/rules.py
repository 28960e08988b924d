"""Who may do what with the directory of offers (core/policy.py).

Member contacts maintain the offers and places of the organisations they currently speak for;
the coordinator maintains every offer, sets the freshness periods and sees how fresh the
directory is.
"""

from knotenpunkt.accounts.models import Role
from knotenpunkt.core import policy

from .models import Location, Schedule, Service, ServiceAtLocation

C = Role.COORDINATOR


def organisation_of(obj):
    """The organisation an offer, a place, a pairing or an opening time belongs to (or the
    organisation itself)."""
    if isinstance(obj, Schedule):
        obj = obj.service_at_location
    if isinstance(obj, ServiceAtLocation):
        obj = obj.service
    if isinstance(obj, Service | Location):
        return obj.organization
    return obj


def _speaks_for_owner(user, network, obj) -> bool:
    """The contact of the owning organisation (obj None: of any organisation, for the lists)."""
    organisation = None if obj is None else organisation_of(obj)
    if obj is not None and organisation is None:
        return False
    return policy.can(user, network, "organisation.act_for", organisation)


policy.declare("offers.manage", roles={C}, rule=_speaks_for_owner)
policy.declare("offers.coordinate", roles={C})

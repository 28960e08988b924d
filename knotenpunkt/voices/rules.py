"""Who may do what with voices (core/policy.py).

Sending a voice needs no account. The coordinator triages every voice: routes it to a
working group, answers it, closes it, erases a sender's contact. A voice routed to a group
may be read and answered by that group's current leads, and only that voice.
"""

from knotenpunkt.accounts.models import Role
from knotenpunkt.core import policy
from knotenpunkt.workinggroups.rules import leads

C = Role.COORDINATOR


def _leads_its_group(user, network, obj) -> bool:
    """A current lead of the voice's group (obj None: of any group, for the list page)."""
    if obj is None:
        return leads(user, network, None)
    group_id = getattr(obj, "group_id", None)
    return group_id is not None and leads(user, network, obj.group)


policy.declare("voices.triage", roles={C})
policy.declare("voices.read", roles={C}, rule=_leads_its_group)
policy.declare("voices.answer", roles={C}, rule=_leads_its_group)

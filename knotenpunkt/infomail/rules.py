"""Who may do what with the info mail (core/policy.py).

Subscribing, changing one's preferences and leaving need no account (a token link);
writing, sending and looking after the subscribers is the coordinator's work.
"""

from knotenpunkt.accounts.models import Role
from knotenpunkt.core import policy

C, M = Role.COORDINATOR, Role.MEMBER_CONTACT

policy.declare("infomail.manage", roles={C})
# A member contact subscribes their own account's address, with their own consent.
policy.declare("infomail.subscribe_self", roles={C, M, Role.CITY_LIAISON})

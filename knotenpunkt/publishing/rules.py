"""Who may change how the network presents itself (core/policy.py)."""

from knotenpunkt.accounts.models import Role
from knotenpunkt.core import policy

# Name, contact, logo, languages, targets and the imprint, privacy and accessibility texts.
policy.declare("network.settings", roles={Role.COORDINATOR})
# Writing, publishing and withdrawing the network's news.
policy.declare("publishing.news", roles={Role.COORDINATOR})

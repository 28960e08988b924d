"""`refused()`: a test of a refusal names the rule and the field, not just "some DomainError"."""

import pytest
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from knotenpunkt.core.errors import DomainError, PermissionDenied
from knotenpunkt.core.testing import refused

PERSON_RULE = "Choose a person of this network."


def _refuse(message=None, field="person", error=DomainError):
    raise error(message or _("Choose a person of this network."), field=field)


def test_the_rule_and_the_field_must_both_match():
    with refused(PERSON_RULE, field="person"):
        _refuse()
    wrong_field = pytest.raises(AssertionError, match="refused on 'person', not on 'owner'")
    with wrong_field, refused(PERSON_RULE, field="owner"):
        _refuse()
    wrong_rule = pytest.raises(AssertionError, match="not “This field is required.”")
    with wrong_rule, refused("This field is required.", field="person"):
        _refuse()


def test_placeholders_match_any_value_in_the_readers_language():
    with translation.override("de"):
        message = _("%(name)s leads the group already.") % {"name": "Lena"}
        with refused("%(name)s leads the group already.", field=None):
            _refuse(message, field=None)


def test_a_subclass_can_be_required():
    # A plain DomainError is not a PermissionDenied: it passes through.
    with pytest.raises(DomainError), refused(PERSON_RULE, field="person", error=PermissionDenied):
        _refuse()

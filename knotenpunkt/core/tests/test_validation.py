"""The shared rules of core.validation that the generated tests do not show one by one."""

import pytest
from django.core.exceptions import FieldDoesNotExist
from django.utils import translation

from knotenpunkt.core.models import Network
from knotenpunkt.core.testing import refused
from knotenpunkt.core.validation import check_lengths

TOO_LONG = "Ensure this value has at most %(limit_value)d characters (it has %(show_value)d)."


def test_check_lengths_refuses_the_first_text_longer_than_its_column():
    with translation.override("en"), refused(TOO_LONG, field="city"):
        check_lengths(Network, {"name": "x" * 200, "city": "x" * 121})


def test_check_lengths_leaves_choices_and_other_values_to_their_own_rules():
    values = {"default_language": "x" * 20, "edition_months": [1, 7], "name": "x" * 200}
    assert check_lengths(Network, values) is values


def test_check_lengths_knows_no_column_it_is_not_given():
    with pytest.raises(FieldDoesNotExist):
        check_lengths(Network, {"nmae": "Netzwerk"})

"""The shared rules of core.validation that the generated tests do not show one by one."""

import pytest
from django.core.exceptions import FieldDoesNotExist
from django.utils import translation

from knotenpunkt.core.errors import DomainError, PermissionDenied
from knotenpunkt.core.models import Network
from knotenpunkt.core.testing import refused
from knotenpunkt.core.validation import all_checks, check_lengths, check_required, check_web_link

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


def test_check_lengths_refuses_every_text_longer_than_its_column_at_once():
    with translation.override("en"), pytest.raises(DomainError) as raised:
        check_lengths(Network, {"name": "x" * 201, "city": "x" * 121})
    assert [field for field, _message in raised.value.errors] == ["name", "city"]


def test_all_checks_runs_every_check_and_raises_them_together():
    with pytest.raises(DomainError) as raised, all_checks() as check:
        title = check(check_required, "  ", field="title")
        link = check(check_web_link, " https://example.org ", field="link")
        check(check_web_link, "javascript:alert(1)", field="online_link")
        check.refuse("Choose a group.", field="group")
    assert title is None and link == "https://example.org"
    error = raised.value
    assert [field for field, _message in error.errors] == ["title", "online_link", "group"]
    # The first broken rule is the error's own message and field, as for a single one.
    with translation.override("en"):
        assert (error.field, str(error.message)) == ("title", "This field is required.")


def test_a_rule_raised_in_the_block_joins_those_found_before():
    with pytest.raises(DomainError) as raised, all_checks() as check:
        check(check_required, "", field="title")
        raise DomainError("The end must be after the start.", field="ends_at")
    assert [field for field, _message in raised.value.errors] == ["title", "ends_at"]


def test_all_checks_raises_nothing_when_every_rule_holds():
    with all_checks() as check:
        assert check(check_required, " Plenum ", field="title") == "Plenum"
        assert not check.failed("title")


def test_a_refused_permission_is_not_collected_as_a_fields_rule():
    def forbidden(value, *, field):
        raise PermissionDenied("Coordinators only.")

    with pytest.raises(PermissionDenied), all_checks() as check:
        check(check_required, "", field="title")
        check(forbidden, "x", field="title")

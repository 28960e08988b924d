"""The rules of a meeting's and a café session's fields, used by the services and the forms."""

from django.utils.translation import gettext_lazy as _

from knotenpunkt.core.errors import DomainError
from knotenpunkt.core.validation import form_validator

# Far beyond any room or hall, well inside the database columns (a 30-digit number overflowed).
CAPACITY_MAX = 100_000
POSITION_MAX = 1_000


def check_slot(starts_at, ends_at) -> None:
    """A meeting or session ends after it starts."""
    if ends_at <= starts_at:
        raise DomainError(_("The end must be after the start."), field="ends_at")


def check_capacity(capacity: int | None, *, field: str | None = "capacity") -> int | None:
    """Empty for no limit, or at least one seat."""
    if capacity is not None and capacity < 1:
        raise DomainError(
            _("Leave the capacity empty for no limit, or give at least 1."), field=field
        )
    if capacity is not None and capacity > CAPACITY_MAX:
        raise DomainError(
            _("Give a capacity of at most %(max)s.") % {"max": CAPACITY_MAX}, field=field
        )
    return capacity


def check_position(position: int | None, *, field: str | None = "position") -> int | None:
    """An agenda item's place in the list: empty keeps it, else 0 to POSITION_MAX."""
    if position is not None and not 0 <= position <= POSITION_MAX:
        raise DomainError(
            _("Give a position from 0 to %(max)s.") % {"max": POSITION_MAX}, field=field
        )
    return position


validate_capacity = form_validator(check_capacity)
validate_position = form_validator(check_position)

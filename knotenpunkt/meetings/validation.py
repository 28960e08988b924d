"""The rules of a meeting's and a café session's fields, used by the services and the forms."""

from django.utils.translation import gettext_lazy as _

from knotenpunkt.core.errors import DomainError
from knotenpunkt.core.validation import form_validator


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
    return capacity


validate_capacity = form_validator(check_capacity)

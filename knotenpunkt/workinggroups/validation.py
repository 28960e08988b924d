"""Rules of a working group's fields that the services and the forms both apply."""

from django.utils.translation import gettext_lazy as _

from knotenpunkt.core.errors import DomainError
from knotenpunkt.core.validation import form_validator

TARGET_MIN, TARGET_MAX = 2, 6


def check_target(target: int | None, *, field: str | None = "meetings_per_year_target") -> int:
    """How often a group should meet in a year, as the network asks of its groups."""
    if target is None or not TARGET_MIN <= target <= TARGET_MAX:
        raise DomainError(
            _("A group meets between %(min)s and %(max)s times a year.")
            % {"min": TARGET_MIN, "max": TARGET_MAX},
            field=field,
        )
    return target


validate_target = form_validator(check_target)

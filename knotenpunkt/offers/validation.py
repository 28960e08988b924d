"""The rules for what people enter about offers, written once for services and forms alike."""

import datetime

from django.utils.translation import gettext_lazy as _

from knotenpunkt.core.errors import DomainError
from knotenpunkt.core.languages import parse_language_codes

# Fewer days than a week make reminders pointless; more than ten years keep dead offers listed.
PERIOD_MIN_DAYS = 7
PERIOD_MAX_DAYS = 3650
AGE_MAX = 120


def check_offer_languages(value, *, field: str | None) -> list[str]:
    """ISO 639 codes of the languages an offer is held in ("de, uk, ti"); any well-formed code,
    since many languages of integration work are missing from the platform's own list."""
    try:
        return parse_language_codes(value)
    except ValueError as error:
        raise DomainError(
            _("These are not language codes: %(codes)s") % {"codes": str(error)}, field=field
        ) from None


def check_platform_language(network, code: str, *, field: str | None) -> str:
    """A language the network's pages are offered in (the offer's own or a translation's)."""
    if code not in network.languages:
        raise DomainError(_("Choose one of the network's languages."), field=field)
    return code


def check_age(value, *, field: str | None) -> int | None:
    if value is None or value == "":
        return None
    if not isinstance(value, int) or not 0 <= value <= AGE_MAX:
        raise DomainError(_("Enter an age between 0 and %(max)s.") % {"max": AGE_MAX}, field=field)
    return value


def check_age_range(minimum: int | None, maximum: int | None, *, field: str | None) -> None:
    if minimum is not None and maximum is not None and minimum > maximum:
        raise DomainError(_("The maximum age is below the minimum age."), field=field)


def check_opening_hours(
    opens_at: datetime.time | None, closes_at: datetime.time | None, *, field: str | None
) -> None:
    """An opening time ends after it starts on the same day (a night offer is two entries)."""
    if opens_at is not None and closes_at is not None and closes_at <= opens_at:
        raise DomainError(_("The end must be later than the start."), field=field)


def check_valid_range(
    first: datetime.date | None, last: datetime.date | None, *, field: str | None
) -> None:
    if first is not None and last is not None and last < first:
        raise DomainError(_("The last day is before the first day."), field=field)


def check_period_days(value, *, field: str | None) -> int:
    if not isinstance(value, int) or not PERIOD_MIN_DAYS <= value <= PERIOD_MAX_DAYS:
        raise DomainError(
            _("Enter a number of days between %(min)s and %(max)s.")
            % {"min": PERIOD_MIN_DAYS, "max": PERIOD_MAX_DAYS},
            field=field,
        )
    return value


def check_periods(outdated_after_days: int, hidden_after_days: int, *, field: str | None) -> None:
    """An offer is first marked as possibly outdated and only later hidden."""
    if hidden_after_days <= outdated_after_days:
        raise DomainError(
            _("Offers must be hidden later than they are marked as possibly outdated."),
            field=field,
        )


def check_translation(name: str, description: str, *, field: str | None) -> None:
    """A description in another language needs the offer's name in it too (lists show it)."""
    if description and not name:
        raise DomainError(_("Give the name in this language too."), field=field)

"""Rules several apps apply to what people enter, each written once (docs/decisions/0016-*.md).

Services call the `check_*` functions: a DomainError naming the field, so a task, a command or
an import is held to the rule as much as a form. Forms attach the same rules with
`form_validator`, so the form shows the same message next to the field before saving.
"""

from collections.abc import Callable
from urllib.parse import urlsplit

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from .errors import DomainError

WEB_SCHEMES = ("http", "https")
# The length of every EmailField column (Django's default); a form's EmailField allows 320.
EMAIL_MAX = 254


def max_length_of(model, name: str) -> int | None:
    """The column's length, so that forms and services take the limit from the model."""
    return model._meta.get_field(name).max_length


def check_required(value, *, field: str | None) -> str:
    """Text that is more than blanks; returns it trimmed."""
    value = (value or "").strip()
    if not value:
        raise DomainError(_("This field is required."), field=field)
    return value


def check_length(value: str, *, field: str | None, max_length: int | None) -> str:
    """Text that fits its column (PostgreSQL refuses longer text; SQLite silently keeps it)."""
    if max_length is not None and len(value) > max_length:
        # Django's own wording, as a form field's max_length shows it.
        message = ngettext(
            "Ensure this value has at most %(limit_value)d character (it has %(show_value)d).",
            "Ensure this value has at most %(limit_value)d characters (it has %(show_value)d).",
            max_length,
        ) % {"limit_value": max_length, "show_value": len(value)}
        raise DomainError(message, field=field)
    return value


def check_lengths(model, values: dict) -> dict:
    """Each text among `values` ({column name: value}) fits its column of `model`: the first
    that does not is refused as `check_length` refuses it, naming its field. Other values and
    choices (whose own rule refuses anything not offered) are left alone. Returns `values`."""
    for name, value in values.items():
        column = model._meta.get_field(name)
        if isinstance(value, str) and isinstance(column, models.CharField) and not column.choices:
            check_length(value, field=name, max_length=column.max_length)
    return values


def check_web_link(value: str, *, field: str | None, max_length: int | None = None) -> str:
    """An address people open in a browser: http or https to a host, nothing else (no
    `javascript:`, `data:` or `file:`); empty is allowed. Returns the trimmed value."""
    value = check_length((value or "").strip(), field=field, max_length=max_length)
    if not value:
        return value
    try:
        parts = urlsplit(value)
    except ValueError:
        parts = None
    if parts is None or parts.scheme.lower() not in WEB_SCHEMES or not parts.netloc:
        raise DomainError(_("Enter an address starting with http:// or https://."), field=field)
    return value


def check_email(value: str, *, field: str | None) -> str:
    """An e-mail address as Django's EmailField reads it; empty is allowed. Returns it trimmed."""
    value = check_length((value or "").strip(), field=field, max_length=EMAIL_MAX)
    if not value:
        return value
    try:
        validate_email(value)
    except ValidationError:
        raise DomainError(_("Enter a valid email address."), field=field) from None
    return value


def form_validator(check: Callable) -> Callable:
    """The form validator of a `check_*` rule: the form refuses what the service refuses."""

    def validate(value):
        try:
            check(value, field=None)
        except DomainError as error:
            raise ValidationError(error.message) from None

    return validate


validate_web_link = form_validator(check_web_link)
validate_email_address = form_validator(check_email)

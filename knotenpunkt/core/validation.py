"""Rules several apps apply to what people enter, each written once (docs/decisions/0016-*.md).

Services call the `check_*` functions: a DomainError naming the field, so a task, a command or
an import is held to the rule as much as a form. Forms attach the same rules with
`form_validator`, so the form shows the same message next to the field before saving.
"""

from collections.abc import Callable
from contextlib import contextmanager
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
    """Each text among `values` ({column name: value}) fits its column of `model`: every one
    that does not is refused as `check_length` refuses it, naming its field (all in one error).
    Other values and choices (whose own rule refuses anything not offered) are left alone.
    Returns `values`."""
    with all_checks() as check:
        for name, value in values.items():
            column = model._meta.get_field(name)
            text = isinstance(value, str) and isinstance(column, models.CharField)
            if text and not column.choices:
                check(check_length, value, field=name, max_length=column.max_length)
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


class Checks:
    """Runs a service's checks one after the other and keeps every broken rule.

    Used through `all_checks()`: a service that checks several fields reports all their
    problems in one DomainError, so the page shows them together (decision 0022).
    """

    def __init__(self):
        self.errors: list[tuple[str | None, object]] = []

    def __call__(self, check: Callable, *args, **kwargs):
        """`check(*args, **kwargs)`'s result, or None when it refused (its errors are kept)."""
        try:
            return check(*args, **kwargs)
        except DomainError as error:
            if type(error) is not DomainError:
                raise  # a refused permission or import is no field's rule: it stops at once
            self.errors.extend(error.errors)
            return None

    def refuse(self, message, *, field: str | None) -> None:
        """Keep a broken rule the service found itself."""
        self.errors.append((field, message))

    def failed(self, *fields: str | None) -> bool:
        """Whether any of `fields` was refused already (a later check on it would only repeat)."""
        return any(field in fields for field, _message in self.errors)

    def raise_errors(self) -> None:
        if self.errors:
            raise DomainError.several(self.errors)


@contextmanager
def all_checks():
    """`with all_checks() as check: value = check(check_required, value, field="title")`:
    every check runs, and leaving the block raises one DomainError with every broken rule."""
    checks = Checks()
    try:
        yield checks
    except DomainError as error:
        if type(error) is not DomainError:
            raise
        # A rule the block raised itself joins those found before it.
        checks.errors.extend(error.errors)
    checks.raise_errors()


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

"""The rules of a voice and an answer, used by the service and the form alike (decision 0016)."""

import re

from django.conf import settings
from django.utils.translation import gettext_lazy as _

from knotenpunkt.core.errors import DomainError
from knotenpunkt.core.validation import check_length, check_required

from .models import ANSWER_MAX, PHONE_MAX, TEXT_MAX

# Digits with the usual separators, an optional leading +: what people write as a number.
_PHONE = re.compile(r"\+?[0-9 ()/.-]{4,}")


def check_voice_text(value: str, *, field: str | None = "text") -> str:
    value = check_required(value, field=field)
    return check_length(value, field=field, max_length=TEXT_MAX)


def check_answer_text(value: str, *, field: str | None = "text") -> str:
    value = check_required(value, field=field)
    return check_length(value, field=field, max_length=ANSWER_MAX)


def check_phone(value: str, *, field: str | None = "contact_phone") -> str:
    """A phone number or nothing: digits, spaces and + ( ) / . - (at least 4 digits' room)."""
    value = check_length((value or "").strip(), field=field, max_length=PHONE_MAX)
    if value and (not _PHONE.fullmatch(value) or sum(c.isdigit() for c in value) < 4):
        raise DomainError(
            _("Enter a phone number with digits, for example +49 30 1234567."), field=field
        )
    return value


def check_consent(value, *, field: str | None = "consent") -> bool:
    if value is not True:
        raise DomainError(
            _("Please agree that we may use your message. Without it we cannot take it."),
            field=field,
        )
    return True


def check_sender_language(value: str, *, field: str | None = "language") -> str:
    if value not in dict(settings.LANGUAGES):
        raise DomainError(_("Choose one of the languages offered."), field=field)
    return value

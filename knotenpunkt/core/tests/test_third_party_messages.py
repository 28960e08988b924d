"""Django's and django-axes' messages that visitors see exist in all seven languages.

Django falls back to German (LANGUAGE_CODE) for a message none of the active language's
catalogues has, so a gap in Django's Arabic catalogue is German on an Arabic page. Each
such message must be named in core/third_party_messages.py, which puts it into our .po.
"""

import gettext
from pathlib import Path

import axes
import django
import pytest
from django import forms
from django.conf import settings
from django.contrib.auth import forms as auth_forms
from django.contrib.auth import password_validation
from django.core import validators
from django.db.models import ForeignKey
from django.utils import translation

from knotenpunkt.core import third_party_messages

DJANGO = Path(django.__file__).parent
THEIR_CATALOGUES = [
    DJANGO / "conf" / "locale",
    DJANGO / "contrib" / "auth" / "locale",
    Path(axes.__file__).parent / "locale",
]
OURS = Path(settings.BASE_DIR) / "knotenpunkt" / "locale"
LANGUAGES = [code for code, _name in settings.LANGUAGES if code != "en"]


def _msgid(message) -> str | tuple[str, str]:
    """The untranslated text of a lazy message (plural ones as (singular, plural))."""
    kw = getattr(message, "_kw", None) or {}
    if "singular" in kw:
        return kw["singular"], kw["plural"]
    args = getattr(message, "_args", None)
    if args:
        return args[0]
    with translation.override("en"):
        return str(message)


def _field_messages():
    fields = [
        value
        for module in (forms.fields, forms.models)
        for value in vars(module).values()
        if isinstance(value, type) and issubclass(value, forms.Field)
    ]
    for field in fields:
        for klass in field.__mro__:
            yield from vars(klass).get("default_error_messages", {}).values()


def user_visible() -> set:
    """What our forms, the login and the lockout can show, as Django and axes word it."""
    messages = set(map(_msgid, _field_messages()))
    used_validators = [
        validators.validate_slug,
        validators.EmailValidator,
        validators.URLValidator,
        validators.MaxLengthValidator,
        validators.MinLengthValidator,
        validators.MaxValueValidator,
        validators.MinValueValidator,
        validators.StepValueValidator,
        validators.ProhibitNullCharactersValidator,
    ]
    messages |= {_msgid(item.message) for item in used_validators}
    messages |= {_msgid(m) for m in ForeignKey.default_error_messages.values()}
    for form in (
        auth_forms.AuthenticationForm,
        auth_forms.SetPasswordMixin,
        auth_forms.PasswordChangeForm,
    ):
        messages |= {_msgid(m) for m in form.error_messages.values()}
    with translation.override("en"):
        for validator in password_validation.get_default_password_validators():
            if not isinstance(validator, password_validation.MinimumLengthValidator):
                messages.add(validator.get_error_message())
            if not isinstance(validator, password_validation.MinimumLengthValidator):
                messages.add(validator.get_help_text())
    messages.add(
        (
            "This password is too short. It must contain at least %d character.",
            "This password is too short. It must contain at least %d characters.",
        )
    )
    messages.add(
        (
            "Your password must contain at least %(min_length)d character.",
            "Your password must contain at least %(min_length)d characters.",
        )
    )
    messages |= {_msgid(settings.AXES_COOLOFF_MESSAGE), _msgid(settings.AXES_PERMALOCK_MESSAGE)}
    return messages


def _catalogues(language: str):
    for directory in [*THEIR_CATALOGUES, OURS]:
        found = gettext.find("django", directory, [language])
        if found:
            with open(found, "rb") as handle:
                yield gettext.GNUTranslations(handle)._catalog


def _translated(msgid, catalogues) -> bool:
    key = (msgid[0], 0) if isinstance(msgid, tuple) else msgid
    return any(catalogue.get(key) for catalogue in catalogues)


def listed() -> set:
    return {_msgid(m) for m in (*third_party_messages.MESSAGES,)} | {
        _msgid(m) for m in third_party_messages.PLURAL_MESSAGES
    }


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_visible_message_of_django_and_axes_is_translated_or_in_our_catalogue(language):
    catalogues = list(_catalogues(language))
    missing = {m for m in user_visible() if not _translated(m, catalogues)} - listed()
    assert not missing, f"add to core/third_party_messages.py: {sorted(map(str, missing))}"


def test_the_short_password_message_that_showed_in_german_is_ours_to_translate():
    wording = (
        "This password is too short. It must contain at least %d character.",
        "This password is too short. It must contain at least %d characters.",
    )
    assert wording in listed()
    assert wording in user_visible()

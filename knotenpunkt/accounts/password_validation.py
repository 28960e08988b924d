"""Django's minimum-length rule with a message in every one of our languages.

Django 5 reworded the message ("… at least %d characters."); its Arabic and Persian
catalogues still carry only the older wording ("… at least %(min_length)d characters."), so
Django fell back to the default language and Arabic readers got the German sentence. Where
the reader's language translates only the older wording, that one is used.
"""

from django.conf import settings
from django.contrib.auth import password_validation
from django.utils.translation import get_language, ngettext, override


class MinimumLengthValidator(password_validation.MinimumLengthValidator):
    def get_error_message(self):
        message = super().get_error_message()
        if get_language() == settings.LANGUAGE_CODE:
            return message
        with override(settings.LANGUAGE_CODE):
            fallen_back = message == super().get_error_message()
        if not fallen_back:
            return message
        older = ngettext(
            "This password is too short. It must contain at least %(min_length)d character.",
            "This password is too short. It must contain at least %(min_length)d characters.",
            self.min_length,
        )
        return older % {"min_length": self.min_length}

"""Messages of Django and django-axes that our visitors can see but that their own
catalogues lack in one of our languages.

Django looks a message up in every catalogue of the active language, ours (LOCALE_PATHS)
first, and falls back to LANGUAGE_CODE (German) when none has it: that is how Django's
new "password too short" message showed in German on the Arabic invitation page (Django's
ar and fa catalogues lack it). Naming a message here puts its exact msgid into our .po
files (makemessages reads these calls), where it is translated like ours; Django's own
code then finds our translation. core/tests/test_third_party_messages.py fails when a
user-visible message of theirs is missing in one of our languages and not listed here.
Nothing imports this module at run time; the catalogue is what matters.
"""

from django.utils.translation import gettext_noop, ngettext_lazy

MESSAGES = (
    # django.core.validators (slug fields of groups and pages): uk
    gettext_noop("Enter a valid “slug” consisting of letters, numbers, underscores or hyphens."),
    # number inputs with a step: ar, fa
    gettext_noop("Ensure this value is a multiple of step size %(limit_value)s."),
    # model forms, a choice that is no longer there: ar, fa, uk
    gettext_noop("%(model)s instance with %(field)s %(value)r is not a valid choice."),
    gettext_noop("“%(pk)s” is not a valid value."),
    # date and time fields, a time that a clock change skips: uk
    gettext_noop(
        "%(datetime)s couldn’t be interpreted in time zone %(current_timezone)s; it may be "
        "ambiguous or it may not exist."
    ),
    # django-axes, answers to a locked-out login (JSON and plain responses): de, ru, tr, uk
    gettext_noop("Account locked: too many login attempts. Please try again later."),
    gettext_noop(
        "Account locked: too many login attempts. Contact an admin to unlock your account."
    ),
)

PLURAL_MESSAGES = (
    # django.contrib.auth.password_validation.MinimumLengthValidator: ar, fa
    ngettext_lazy(
        "This password is too short. It must contain at least %d character.",
        "This password is too short. It must contain at least %d characters.",
    ),
)

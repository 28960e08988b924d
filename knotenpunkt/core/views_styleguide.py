"""The living style guide: every component of the design system, left-to-right and right-to-left.

Only with DEBUG on (a developer's page, not a product page); otherwise it is not found. It renders
the real component templates, so what it shows is what the pages use.
"""

from django import forms
from django.conf import settings
from django.http import Http404
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _

from .policy import public

COLOUR_TOKENS = [
    "accent",
    "accent-soft",
    "ink",
    "muted",
    "paper",
    "soft",
    "line",
    "line-strong",
    "error",
    "error-soft",
    "ok",
    "ok-soft",
    "warn",
    "warn-soft",
    "info",
    "info-soft",
    "focus",
]


class SampleForm(forms.Form):
    """A form with a mistake in two fields, to show the error summary and the field errors."""

    name = forms.CharField(label=_("name"), max_length=200, help_text=_("As it should be shown."))
    email = forms.EmailField(label=_("e-mail address"))
    note = forms.CharField(label=_("note"), required=False, widget=forms.Textarea)
    agree = forms.BooleanField(label=_("I agree"), required=False)


class SampleFilterForm(forms.Form):
    query = forms.CharField(label=_("Search"), required=False)
    kind = forms.ChoiceField(label=_("Kind"), choices=[("", "—")], required=False)


def _samples(code: str, direction: str) -> dict:
    """One direction's samples; the forms' ids carry the language, so both fit on one page."""
    return {
        "code": code,
        "direction": direction,
        "form": SampleForm(data={"name": "", "email": "not an address"}, auto_id=f"{code}-%s"),
        "filter_form": SampleFilterForm(auto_id=f"{code}-filter-%s"),
    }


@public
def styleguide(request):
    if not settings.DEBUG:
        raise Http404
    from .templatetags.design import ICONS

    return render(
        request,
        "core/styleguide.html",
        {
            "icons": sorted(ICONS),
            "colour_tokens": COLOUR_TOKENS,
            "directions": [_samples("de", "ltr"), _samples("ar", "rtl")],
        },
    )

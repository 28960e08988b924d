"""Form pieces every app's forms share: the network-bound form and the common widgets and fields.

They live in core so that an app's forms never import another app's forms
(docs/decisions/0014-layers-and-registries.md).
"""

from django import forms
from django.utils.translation import gettext_lazy as _

from knotenpunkt.core.errors import DomainError
from knotenpunkt.core.languages import parse_language_codes


def add_domain_error(form, error: DomainError) -> None:
    """Every broken rule of a service's error at the field it names (others above the form)."""
    for field, message in error.errors:
        form.add_error(field if field in form.fields else None, message)


class CheckedForm(forms.Form):
    """A form that also runs its service's checks on what it could read, so that the page
    shows the service's refusals together with the form's own errors, not one after the other.

    `service_checks(data)` gets the cleaned values (a field the form refused is missing) and
    raises a DomainError with every broken rule; the service runs the same checks when it saves.
    """

    def service_checks(self, data: dict) -> None:
        """Raise a DomainError (with `DomainError.several`) for the rules `data` breaks."""

    def clean(self):
        data = super().clean()
        try:
            self.service_checks(data)
        except DomainError as error:
            add_domain_error(self, error)
        return data


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%Y-%m-%d")


class LanguagesField(forms.CharField):
    """Language codes typed as text ("de, tr, ar"), cleaned to a list."""

    def __init__(self, **kwargs):
        kwargs.setdefault("required", False)
        kwargs.setdefault("label", _("Languages"))
        kwargs.setdefault("help_text", _("Language codes separated by commas, e.g. de, tr, ar."))
        super().__init__(**kwargs)

    def prepare_value(self, value):
        if isinstance(value, list | tuple):
            return ", ".join(value)
        return value

    def clean(self, value):
        value = super().clean(value)
        try:
            return parse_language_codes(value)
        except ValueError as error:
            raise forms.ValidationError(
                _("These are not language codes: %(codes)s"), params={"codes": str(error)}
            ) from None


class NetworkForm(forms.Form):
    """A form whose choices come from the request's network."""

    def __init__(self, *args, network, **kwargs):
        self.network = network
        super().__init__(*args, **kwargs)

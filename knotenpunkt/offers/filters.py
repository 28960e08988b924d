"""The search box and filters of the public directory of offers."""

from django import forms
from django.utils.translation import gettext_lazy as _

from knotenpunkt.core.params import TEXT_MAX

from .models import TaxonomyTerm
from .selectors_public import OfferFilters, filter_choices

MAX_AGE = 120


class OfferFilterForm(forms.Form):
    q = forms.CharField(label=_("What are you looking for?"), required=False, max_length=TEXT_MAX)
    category = forms.TypedChoiceField(
        label=_("Category"), required=False, coerce=int, empty_value=None
    )
    language = forms.ChoiceField(label=_("Language of the offer"), required=False)
    district = forms.ChoiceField(label=_("District"), required=False)
    age = forms.IntegerField(
        label=_("Age"), required=False, min_value=0, max_value=MAX_AGE, widget=forms.NumberInput
    )
    free = forms.BooleanField(label=_("Free of charge"), required=False)
    step_free = forms.BooleanField(label=_("Step-free access"), required=False)

    def __init__(self, data=None, *, network):
        super().__init__(data)
        self.network = network
        choices = filter_choices(network)
        self.fields["category"].choices = [("", _("All categories")), *choices["categories"]]
        self.fields["language"].choices = [("", _("Any language")), *choices["languages"]]
        self.fields["district"].choices = [
            ("", _("All districts")),
            *((name, name) for name in choices["districts"]),
        ]
        self.fields["age"].widget.attrs.update({"inputmode": "numeric", "size": 4})
        self.fields["q"].widget.attrs.update({"type": "search", "autocomplete": "off"})

    def filters(self) -> OfferFilters:
        """The valid part of the visitor's choices; an invalid field filters nothing."""
        if not self.is_bound:
            return OfferFilters()
        self.is_valid()
        data = self.cleaned_data
        term = None
        if data.get("category"):
            term = TaxonomyTerm.objects.filter(network=self.network, pk=data["category"]).first()
        return OfferFilters(
            query=data.get("q") or "",
            term=term,
            language=data.get("language") or "",
            district=data.get("district") or "",
            free=bool(data.get("free")),
            step_free=bool(data.get("step_free")),
            age=data.get("age"),
        )

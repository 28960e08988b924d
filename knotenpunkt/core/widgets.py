"""The searchable picker: a plain <select>, with a search field that htmx connects to a lookup.

Without JavaScript the field stays hidden and the list is the whole <select>, as before. With
JavaScript (knotenpunkt/search-select.js) the search field shows above the list; typing asks
the app's lookup view (core/lookups.py) for the matching options, which replace the list's
options, so that the chosen value is still submitted by the same <select>. The search field
has its own label and is a normal text field: type, then Tab (or arrow keys) into the list.
"""

from django import forms

from .lookups import lookup_named
from .urls_helpers import network_reverse


class SearchSelect(forms.Select):
    template_name = "core/widgets/search_select.html"
    field_label = ""  # names the search field ("Search: Person"), set by `searchable`

    def __init__(self, lookup: str, *, network, attrs=None, choices=()):
        super().__init__(attrs, choices)
        self.lookup = lookup
        self.network = network

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        blank, rest = [], []
        for group_name, options, index in context["widget"]["optgroups"]:
            target = blank if options and options[0]["value"] in ("", None) else rest
            target.append((group_name, options, index))
        context["widget"].update(
            field_label=self.field_label,
            blank_groups=blank,
            choice_groups=rest,
            lookup_url=network_reverse(self.network, lookup_named(self.lookup).url_name),
        )
        return context


def searchable(field: forms.ModelChoiceField, lookup: str, *, network) -> forms.ModelChoiceField:
    """Give a form's choice field the searchable picker (its choices and labels stay)."""
    widget = SearchSelect(lookup, network=network, attrs=field.widget.attrs)
    widget.choices = field.choices
    widget.field_label = field.label
    field.widget = widget
    return field

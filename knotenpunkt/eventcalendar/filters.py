"""The filter form of the public calendar; the list, the month view and the feeds share it."""

from django import forms
from django.utils.translation import gettext_lazy as _

from knotenpunkt.core.languages import language_name
from knotenpunkt.core.params import ID_MAX
from knotenpunkt.members.models import Organisation

from .models import AUDIENCES, Event
from .selectors import PUBLIC_STATUSES, EventFilters


class EventFilterForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False, max_length=200)
    audience = forms.ChoiceField(label=_("For whom"), required=False)
    language = forms.ChoiceField(label=_("Language spoken"), required=False)
    organiser = forms.TypedChoiceField(
        label=_("Organiser"), required=False, coerce=int, empty_value=None
    )
    free = forms.BooleanField(label=_("Free of charge"), required=False)
    step_free = forms.BooleanField(label=_("Step-free access"), required=False)
    sign_language = forms.BooleanField(label=_("Sign language interpreting"), required=False)
    childcare = forms.BooleanField(label=_("Childcare"), required=False)

    def __init__(self, data=None, *, network, with_choices: bool = True):
        super().__init__(data)
        self.fields["audience"].choices = [("", _("All audiences")), *AUDIENCES]
        if with_choices:
            self._load_choices(network)
        else:
            # The feeds take any value from the address and never show the form.
            self.fields["language"] = forms.CharField(required=False, max_length=16)
            self.fields["organiser"] = forms.IntegerField(
                required=False, min_value=1, max_value=ID_MAX
            )

    def _load_choices(self, network):
        """Only organisers and languages that occur in public events (two queries)."""
        public = Event.objects.filter(network=network, status__in=PUBLIC_STATUSES)
        organisers = Organisation.objects.filter(
            network=network, pk__in=public.values("organiser_id")
        ).order_by("name")
        self.fields["organiser"].choices = [
            ("", _("All organisers")),
            *((item.pk, item.name) for item in organisers),
        ]
        codes = set()
        for languages in public.values_list("languages", flat=True).distinct():
            codes.update(languages or [])
        named = sorted(((code, language_name(code)) for code in codes), key=lambda c: c[1])
        self.fields["language"].choices = [("", _("Any language")), *named]

    def filters(self) -> EventFilters:
        """The valid part of the visitor's choices; an invalid field filters nothing."""
        if not self.is_bound:
            return EventFilters()
        self.is_valid()
        data = dict(self.cleaned_data)
        data["query"] = data.pop("q", "") or ""
        return EventFilters.from_mapping(data)

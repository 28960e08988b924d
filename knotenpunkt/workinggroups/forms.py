"""Forms of the working-group pages. They parse input; the rules live in services.py."""

from django import forms
from django.utils.translation import gettext_lazy as _

from knotenpunkt.core.forms import DateInput, NetworkForm
from knotenpunkt.core.widgets import searchable
from knotenpunkt.members.selectors import persons_for_choice

from .models import Goal
from .selectors import organisations_for_choice
from .validation import TARGET_MAX, TARGET_MIN, validate_target


class GroupForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=200)
    slug = forms.CharField(
        label=_("Short name in addresses"),
        max_length=80,
        required=False,
        help_text=_("Letters, digits and hyphens; made from the name when left empty."),
    )
    mandate = forms.CharField(
        label=_("Mandate"),
        widget=forms.Textarea,
        required=False,
        help_text=_("What the network asked the group to do. Markdown: **bold**, lists, links."),
    )
    meetings_per_year_target = forms.IntegerField(
        label=_("Meetings per year (target)"),
        initial=4,
        validators=[validate_target],
    )
    active_from = forms.DateField(label=_("Active from"), widget=DateInput)
    active_until = forms.DateField(
        label=_("Active until"),
        widget=DateInput,
        required=False,
        help_text=_("Leave empty while the group goes on."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Formatted per request: the help text is read in the page's language.
        self.fields["meetings_per_year_target"].help_text = _("Between %(min)s and %(max)s.") % {
            "min": TARGET_MIN,
            "max": TARGET_MAX,
        }


class MemberAddForm(NetworkForm):
    person = forms.ModelChoiceField(label=_("Person"), queryset=None)
    organisation = forms.ModelChoiceField(
        label=_("For the organisation"),
        queryset=None,
        required=False,
        empty_label=_("— on their own —"),
    )
    is_lead = forms.BooleanField(label=_("Leads the group"), required=False)
    joined_on = forms.DateField(
        label=_("Member since"),
        widget=DateInput,
        required=False,
        help_text=_("Today when left empty."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["person"].queryset = persons_for_choice(network=self.network)
        self.fields["organisation"].queryset = organisations_for_choice(network=self.network)
        searchable(self.fields["person"], "people", network=self.network)
        searchable(self.fields["organisation"], "organisations", network=self.network)


class MemberRemoveForm(forms.Form):
    left_on = forms.DateField(
        label=_("Left on"), widget=DateInput, required=False, help_text=_("Today when left empty.")
    )


class GoalForm(forms.Form):
    text = forms.CharField(
        label=_("Goal"), max_length=500, widget=forms.Textarea(attrs={"rows": 3})
    )
    due_on = forms.DateField(label=_("Due on"), widget=DateInput, required=False)
    status = forms.ChoiceField(label=_("Status"), choices=Goal.Status.choices)


class GoalStatusForm(forms.Form):
    status = forms.ChoiceField(label=_("Status"), choices=Goal.Status.choices)


class CadenceYearForm(forms.Form):
    """`?year=` on the cadence page; an invalid year falls back to the current one."""

    year = forms.IntegerField(label=_("Year"), min_value=2000, max_value=2100, required=False)

    def year_or(self, default: int) -> int:
        if self.is_valid() and self.cleaned_data["year"]:
            return min(self.cleaned_data["year"], default)
        return default

"""Forms of the meeting pages. They parse input; the rules live in validation.py and services.py.

Dates and times are entered in the network's time zone (the middleware activates it).
"""

from django import forms
from django.utils.translation import gettext_lazy as _

from knotenpunkt.core.forms import CheckedForm
from knotenpunkt.core.validation import max_length_of, validate_web_link
from knotenpunkt.core.widgets import searchable
from knotenpunkt.members.selectors import persons_for_choice
from knotenpunkt.workinggroups.selectors import groups_for_choice, organisations_for_choice

from .models import ActionItem, CafeSession, Meeting
from .selectors import PAST, UPCOMING
from .validation import (
    POSITION_MAX,
    check_meeting,
    check_session,
    same_minute,
    validate_capacity,
    validate_position,
)


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%Y-%m-%d")


class DateTimeInput(forms.DateTimeInput):
    input_type = "datetime-local"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%Y-%m-%dT%H:%M")


def person_label(person) -> str:
    """Names repeat; the e-mail address tells two people apart."""
    return f"{person.display_name} <{person.email}>" if person.email else person.display_name


def _person_field(queryset, *, label, required=True) -> forms.ModelChoiceField:
    field = forms.ModelChoiceField(label=label, queryset=queryset, required=required)
    field.label_from_instance = person_label
    return field


class MeetingForm(CheckedForm):
    """A meeting to plan (`current_start` None) or to change; the service's rules show with
    the form's own errors (core/forms.py: CheckedForm)."""

    kind = forms.ChoiceField(label=_("Kind"), choices=Meeting.Kind.choices)
    group = forms.ModelChoiceField(label=_("Working group"), queryset=None, required=False)
    title = forms.CharField(label=_("Title"), max_length=200)
    description = forms.CharField(
        label=_("Description"),
        widget=forms.Textarea,
        required=False,
        help_text=_("Markdown: **bold**, *italic*, lists with -."),
    )
    starts_at = forms.DateTimeField(label=_("Starts at"), widget=DateTimeInput)
    ends_at = forms.DateTimeField(label=_("Ends at"), widget=DateTimeInput)
    place = forms.CharField(label=_("Place"), max_length=300, required=False)
    online_link = forms.URLField(
        label=_("Online link"),
        max_length=max_length_of(Meeting, "online_link"),
        required=False,
        assume_scheme="https",
        validators=[validate_web_link],
    )
    capacity = forms.IntegerField(
        label=_("Capacity"),
        required=False,
        validators=[validate_capacity],
        widget=forms.NumberInput(attrs={"min": 1}),
        help_text=_(
            "Leave empty for no limit. When the meeting is full, people join a waiting list."
        ),
    )
    registration_deadline = forms.DateTimeField(
        label=_("Registration deadline"), widget=DateTimeInput, required=False
    )
    past_confirmed = forms.BooleanField(
        label=_("Add a past meeting (for the records)"),
        required=False,
        help_text=_("Only for a meeting that has taken place: its date may then be in the past."),
    )

    def __init__(
        self, *args, network, groups, lead_only: bool = False, current_start=None, **kwargs
    ):
        super().__init__(*args, **kwargs)
        self.network = network
        self.current_start = current_start
        self.fields["group"].queryset = groups
        if lead_only:
            # Leads plan their own groups' meetings, never plenaries.
            self.fields["kind"].choices = [
                choice for choice in Meeting.Kind.choices if choice[0] != Meeting.Kind.PLENARY
            ]
            self.fields["group"].required = True

    def service_checks(self, data: dict) -> None:
        values = {name: value for name, value in data.items() if name != "past_confirmed"}
        unchanged = self.current_start is not None and same_minute(
            data.get("starts_at"), self.current_start
        )
        past_confirmed = bool(data.get("past_confirmed")) or unchanged
        check_meeting(self.network, values, past_confirmed=past_confirmed)


class CafeSessionForm(CheckedForm):
    """A café session of `meeting`; the service's rules show with the form's own errors."""

    kind = forms.ChoiceField(label=_("Kind"), choices=CafeSession.Kind.choices)
    title = forms.CharField(label=_("Title"), max_length=200)
    description = forms.CharField(label=_("Description"), widget=forms.Textarea, required=False)
    host_organisation = forms.ModelChoiceField(
        label=_("Host organisation"), queryset=None, required=False
    )
    room = forms.CharField(label=_("Room"), max_length=100, required=False)
    starts_at = forms.DateTimeField(label=_("Starts at"), widget=DateTimeInput)
    ends_at = forms.DateTimeField(label=_("Ends at"), widget=DateTimeInput)
    capacity = forms.IntegerField(
        label=_("Capacity"),
        required=False,
        validators=[validate_capacity],
        widget=forms.NumberInput(attrs={"min": 1}),
        help_text=_("Leave empty for no limit."),
    )

    def __init__(self, *args, meeting, **kwargs):
        super().__init__(*args, **kwargs)
        self.meeting = meeting
        self.fields["host_organisation"].queryset = organisations_for_choice(
            network=meeting.network
        )
        searchable(self.fields["host_organisation"], "organisations", network=meeting.network)

    def service_checks(self, data: dict) -> None:
        check_session(self.meeting, dict(data))


class CancelForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason (shown in the audit trail)"), max_length=300, required=False
    )


class RegisterForm(forms.Form):
    def __init__(self, *args, persons, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["person"] = _person_field(persons, label=_("Person"))


class AgendaItemForm(forms.Form):
    title = forms.CharField(label=_("Agenda item"), max_length=300)
    notes = forms.CharField(label=_("Notes"), widget=forms.Textarea, required=False)
    position = forms.IntegerField(
        label=_("Position"),
        required=False,
        validators=[validate_position],
        widget=forms.NumberInput(attrs={"min": 0, "max": POSITION_MAX}),
    )


class AttendanceForm(forms.Form):
    """One person to check in or out: from the list's buttons, or anyone for a walk-in."""

    def __init__(self, *args, network, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["person"] = _person_field(
            persons_for_choice(network=network), label=_("Person")
        )


class MinutesForm(forms.Form):
    text = forms.CharField(
        label=_("Minutes"),
        widget=forms.Textarea(attrs={"rows": 20}),
        required=False,
        help_text=_("Markdown. Every save keeps the earlier version."),
    )


class DecisionForm(forms.Form):
    text = forms.CharField(label=_("Decision"), widget=forms.Textarea)
    decided_on = forms.DateField(
        label=_("Decided on"),
        widget=DateInput,
        required=False,
        help_text=_("Empty: the day of the meeting."),
    )
    group = forms.ModelChoiceField(
        label=_("Working group"),
        queryset=None,
        required=False,
        help_text=_("Empty: the meeting's group, if it has one."),
    )

    def __init__(self, *args, network, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["group"].queryset = groups_for_choice(network=network)


class ActionItemForm(forms.Form):
    text = forms.CharField(label=_("Action"), max_length=500)
    due_on = forms.DateField(label=_("Due on"), widget=DateInput, required=False)

    def __init__(self, *args, network, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["owner"] = searchable(
            _person_field(persons_for_choice(network=network), label=_("Owner"), required=False),
            "people",
            network=network,
        )
        self.order_fields(["text", "owner", "due_on"])


class MeetingFilterForm(forms.Form):
    when = forms.ChoiceField(
        label=_("When"),
        choices=[(UPCOMING, _("Upcoming")), (PAST, _("Past"))],
        required=False,
    )
    kind = forms.ChoiceField(
        label=_("Kind"), choices=[("", _("All kinds")), *Meeting.Kind.choices], required=False
    )
    group = forms.ModelChoiceField(
        label=_("Working group"), queryset=None, required=False, empty_label=_("All groups")
    )

    def __init__(self, *args, network, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["group"].queryset = groups_for_choice(network=network)

    def filters(self) -> dict:
        data = self.cleaned_data if self.is_valid() else {}
        group = data.get("group")
        return {
            "when": data.get("when") or UPCOMING,
            "kind": data.get("kind") or "",
            "group_id": group.pk if group else None,
        }


OVERDUE = "overdue"  # open and past the due day: the queue the workspace links to


class RecordsFilterForm(forms.Form):
    """Decisions and action items: by working group; action items also by status."""

    group = forms.ModelChoiceField(
        label=_("Working group"), queryset=None, required=False, empty_label=_("All groups")
    )
    status = forms.ChoiceField(
        label=_("Status"),
        choices=[*ActionItem.Status.choices, (OVERDUE, _("overdue")), ("", _("All"))],
        required=False,
    )

    def __init__(self, *args, network, with_status: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["group"].queryset = groups_for_choice(network=network)
        if not with_status:
            del self.fields["status"]

    def filters(self) -> dict:
        data = self.cleaned_data if self.is_valid() else {}
        group = data.get("group")
        filters = {"group_id": group.pk if group else None}
        if "status" in self.fields:
            raw = self.data.get("status")
            filters["status"] = ActionItem.Status.OPEN if raw is None else data.get("status", "")
        return filters

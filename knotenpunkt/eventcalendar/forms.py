"""Forms of the submission and moderation pages; the rules live in services.py.

The repetition is entered as a few plain choices (weekly on some days, monthly on the n-th
weekday, every n days; until a date or n times; excluded days) and stored as an RFC 5545
RRULE. Times are typed as wall-clock times of the event's own time zone.
"""

import datetime
import zoneinfo

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from knotenpunkt.core.forms import LanguagesField
from knotenpunkt.core.languages import language_name
from knotenpunkt.core.validation import validate_web_link
from knotenpunkt.core.widgets import searchable

from .models import AUDIENCES, Event

NO_REPEAT, WEEKLY, MONTHLY, DAILY, CUSTOM = "", "weekly", "monthly", "daily", "custom"
REPEAT_CHOICES = [
    (NO_REPEAT, _("does not repeat")),
    (WEEKLY, _("weekly on the chosen days")),
    (MONTHLY, _("monthly on the n-th weekday")),
    (DAILY, _("every n days")),
]
WEEKDAYS = [
    ("MO", _("Monday")),
    ("TU", _("Tuesday")),
    ("WE", _("Wednesday")),
    ("TH", _("Thursday")),
    ("FR", _("Friday")),
    ("SA", _("Saturday")),
    ("SU", _("Sunday")),
]
WEEK_OF_MONTH = [
    ("1", _("first")),
    ("2", _("second")),
    ("3", _("third")),
    ("4", _("fourth")),
    ("-1", _("last")),
]
# Service errors name model fields; these are the form fields that show them.
ERROR_FIELDS = {"rrule": "repeat"}


# Recurrence rules -----------------------------------------------------------------------


def build_rrule(
    *, repeat, interval=1, weekdays=(), week_of_month="", weekday="", until=None, count=None
) -> str:
    """The RRULE value (without "RRULE:") for the form's choices; "" for a one-off event.

    UNTIL is the end of that day in the event's local time (floating, no "Z"), because the
    rule is expanded on local wall-clock times (see recurrence.py).
    """
    if repeat == NO_REPEAT:
        return ""
    parts = {WEEKLY: ["FREQ=WEEKLY"], MONTHLY: ["FREQ=MONTHLY"], DAILY: ["FREQ=DAILY"]}[repeat]
    if interval and interval > 1:
        parts.append(f"INTERVAL={interval}")
    if repeat == WEEKLY:
        parts.append("BYDAY=" + ",".join(day for day, _label in WEEKDAYS if day in weekdays))
    elif repeat == MONTHLY:
        parts.append(f"BYDAY={week_of_month}{weekday}")
    if until:
        parts.append(f"UNTIL={until:%Y%m%d}T235959")
    if count:
        parts.append(f"COUNT={count}")
    return ";".join(parts)


def parse_rrule(rrule: str) -> dict | None:
    """The form's choices for a stored rule, or None if the form cannot express it."""
    if not rrule:
        return {"repeat": NO_REPEAT}
    try:
        rule = dict(part.split("=", 1) for part in rrule.upper().split(";") if part)
    except ValueError:
        return None
    result = {"interval": int(rule.pop("INTERVAL", "1") or 1)}
    if "UNTIL" in rule:
        result["until"] = datetime.datetime.strptime(rule.pop("UNTIL")[:8], "%Y%m%d").date()
    if "COUNT" in rule:
        result["count"] = int(rule.pop("COUNT"))
    frequency, byday = rule.pop("FREQ", ""), rule.pop("BYDAY", "")
    if rule:  # BYMONTHDAY, BYSETPOS, WKST … are beyond the form
        return None
    known_days = {day for day, _label in WEEKDAYS}
    if frequency == "WEEKLY" and byday and set(byday.split(",")) <= known_days:
        return {**result, "repeat": WEEKLY, "weekdays": byday.split(",")}
    if frequency == "MONTHLY" and byday[-2:] in known_days:
        week = byday[:-2].lstrip("+")
        if week in dict(WEEK_OF_MONTH):
            return {**result, "repeat": MONTHLY, "week_of_month": week, "weekday": byday[-2:]}
    if frequency == "DAILY" and not byday:
        return {**result, "repeat": DAILY}
    return None


def exdate_values(days, *, starts_at: datetime.datetime, time_zone: str) -> list[str]:
    """Excluded days as ISO datetimes at the event's local start time (what recurrence expects)."""
    zone = zoneinfo.ZoneInfo(time_zone)
    start_time = starts_at.astimezone(zone).time().replace(tzinfo=None)
    return [
        datetime.datetime.combine(day, start_time).replace(tzinfo=zone).isoformat()
        for day in sorted(set(days))
    ]


def exdate_days(values, *, time_zone: str) -> list[datetime.date]:
    zone = zoneinfo.ZoneInfo(time_zone)
    days = []
    for value in values or []:
        moment = datetime.datetime.fromisoformat(value)
        days.append(moment.astimezone(zone).date() if moment.tzinfo else moment.date())
    return days


# Fields ---------------------------------------------------------------------------------


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%Y-%m-%d")


class LocalDateTimeInput(forms.DateTimeInput):
    input_type = "datetime-local"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%Y-%m-%dT%H:%M")


class LocalDateTimeField(forms.DateTimeField):
    """A wall-clock time without a zone; the form attaches the event's time zone."""

    widget = LocalDateTimeInput

    def to_python(self, value):
        with timezone.override(datetime.UTC):  # UTC has no gaps: the typed time comes back
            value = super().to_python(value)
        return value.replace(tzinfo=None) if value else None

    def prepare_value(self, value):
        if isinstance(value, datetime.datetime) and value.tzinfo is not None:
            return value.replace(tzinfo=None)
        return value


class DaysField(forms.CharField):
    """Dates typed one per line (2025-03-10 or 10.03.2025), cleaned to a list of dates."""

    widget = forms.Textarea(attrs={"rows": 3})
    FORMATS = ("%Y-%m-%d", "%d.%m.%Y")

    def prepare_value(self, value):
        if isinstance(value, list | tuple):
            return "\n".join(f"{day:%Y-%m-%d}" for day in value)
        return value

    def clean(self, value):
        days = []
        for line in (super().clean(value) or "").split():
            for pattern in self.FORMATS:
                try:
                    days.append(datetime.datetime.strptime(line, pattern).date())
                    break
                except ValueError:
                    continue
            else:
                raise forms.ValidationError(
                    _("“%(value)s” is not a date like 2025-03-10."), params={"value": line}
                )
        return days


# The event form -------------------------------------------------------------------------

FIELDSETS = [
    (_("What"), ["title", "original_language", "description", "organiser"]),
    (_("When"), ["all_day", "starts_at", "ends_at", "time_zone"]),
    (
        _("Repetition"),
        ["repeat", "interval", "weekdays", "week_of_month", "weekday", "until", "count", "exdates"],
    ),
    (_("Where"), ["place_name", "address", "online_link"]),
    (_("For whom"), ["audiences", "languages", "is_free", "cost"]),
    (_("Accessibility"), ["step_free", "sign_language", "childcare"]),
    (_("Registration and image"), ["registration_url", "image", "image_alt"]),
]
PLAIN_FIELDS = (
    "title",
    "original_language",
    "description",
    "organiser",
    "all_day",
    "time_zone",
    "place_name",
    "address",
    "online_link",
    "audiences",
    "languages",
    "is_free",
    "cost",
    "step_free",
    "sign_language",
    "childcare",
    "registration_url",
    "image",
    "image_alt",
)


class EventForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    original_language = forms.ChoiceField(label=_("Language of the text"))
    description = forms.CharField(
        label=_("Description"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_("Markdown: **bold**, *italic*, lists with “- ”, links as <https://…>."),
    )
    organiser = forms.ModelChoiceField(label=_("Organiser"), queryset=None)
    all_day = forms.BooleanField(label=_("All day"), required=False)
    starts_at = LocalDateTimeField(label=_("Starts"))
    ends_at = LocalDateTimeField(
        label=_("Ends"), help_text=_("For an all-day event only the dates count.")
    )
    time_zone = forms.CharField(label=_("Time zone"), max_length=64)
    repeat = forms.ChoiceField(label=_("Repeats"), required=False, choices=REPEAT_CHOICES)
    interval = forms.IntegerField(
        label=_("Every how many weeks, months or days"),
        min_value=1,
        max_value=365,
        required=False,
        initial=1,
    )
    weekdays = forms.MultipleChoiceField(
        label=_("On these days (weekly)"),
        choices=WEEKDAYS,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    week_of_month = forms.ChoiceField(
        label=_("Which week of the month (monthly)"),
        choices=[("", "—"), *WEEK_OF_MONTH],
        required=False,
    )
    weekday = forms.ChoiceField(
        label=_("Which weekday (monthly)"), choices=[("", "—"), *WEEKDAYS], required=False
    )
    until = forms.DateField(label=_("Until (last day)"), required=False, widget=DateInput)
    count = forms.IntegerField(
        label=_("Or: how many times"), min_value=1, max_value=10000, required=False
    )
    exdates = DaysField(
        label=_("Not on these days"), required=False, help_text=_("One date per line.")
    )
    place_name = forms.CharField(label=_("Place"), max_length=200, required=False)
    address = forms.CharField(label=_("Address"), max_length=300, required=False)
    online_link = forms.URLField(
        label=_("Online link"),
        max_length=1000,
        required=False,
        assume_scheme="https",
        validators=[validate_web_link],
    )
    audiences = forms.MultipleChoiceField(
        label=_("For whom"), choices=AUDIENCES, required=False, widget=forms.CheckboxSelectMultiple
    )
    languages = LanguagesField(label=_("Languages spoken at the event"))
    is_free = forms.BooleanField(label=_("Free of charge"), required=False, initial=True)
    cost = forms.CharField(
        label=_("Cost"), max_length=100, required=False, help_text=_("If not free, e.g. 5 €.")
    )
    step_free = forms.BooleanField(label=_("Step-free access"), required=False)
    sign_language = forms.BooleanField(label=_("Sign language interpreting"), required=False)
    childcare = forms.BooleanField(label=_("Childcare"), required=False)
    registration_url = forms.URLField(
        label=_("Registration link"),
        max_length=1000,
        required=False,
        assume_scheme="https",
        validators=[validate_web_link],
    )
    image = forms.FileField(
        label=_("Image"),
        required=False,
        widget=forms.ClearableFileInput(
            attrs={"accept": "image/jpeg,image/png,image/gif,image/webp"}
        ),
        help_text=_("JPEG, PNG, GIF or WebP, at most 5 MB."),
    )
    image_alt = forms.CharField(
        label=_("Image description (alt text)"),
        max_length=300,
        required=False,
        help_text=_("What the image shows, for people who cannot see it."),
    )

    def __init__(self, *args, network, organisations, event=None, any_organiser=False, **kwargs):
        """`any_organiser`: the writer may choose among all organisations (the coordinator),
        so the list gets the searchable picker (core/widgets.py)."""
        self.network = network
        self.event = event
        if event is not None and "initial" not in kwargs:
            kwargs["initial"] = self.initial_for(event)
        super().__init__(*args, **kwargs)
        self.fields["organiser"].queryset = organisations
        if any_organiser:
            searchable(self.fields["organiser"], "organisations", network=network)
        self.fields["original_language"].choices = [
            (code, language_name(code)) for code in network.languages
        ]
        self.fields["original_language"].initial = network.default_language
        self.fields["time_zone"].initial = str(network.time_zone)
        self.fields["languages"].initial = [network.default_language]
        if event is not None and event.rrule and parse_rrule(event.rrule) is None:
            self.fields["repeat"].choices = [
                *REPEAT_CHOICES,
                (CUSTOM, _("keep the imported rule: %(rule)s") % {"rule": event.rrule}),
            ]
        if organisations.count() == 1:
            self.fields["organiser"].initial = organisations.first()
        self.fieldsets = [(legend, [self[name] for name in names]) for legend, names in FIELDSETS]

    @staticmethod
    def initial_for(event) -> dict:
        """The form's values for an existing event: local times, the rule taken apart."""
        zone = zoneinfo.ZoneInfo(event.time_zone)
        initial = {name: getattr(event, name) for name in PLAIN_FIELDS}
        initial["organiser"] = event.organiser_id
        initial["starts_at"] = event.starts_at.astimezone(zone).replace(tzinfo=None)
        ends = event.ends_at.astimezone(zone).replace(tzinfo=None)
        initial["ends_at"] = ends - datetime.timedelta(days=1) if event.all_day else ends
        initial.update(parse_rrule(event.rrule) or {"repeat": CUSTOM})
        initial["exdates"] = exdate_days(event.exdates, time_zone=event.time_zone)
        return initial

    def add_domain_error(self, error) -> None:
        """A service's error on the form field that shows it (the rule is built from several)."""
        field = ERROR_FIELDS.get(error.field, error.field)
        self.add_error(field if field in self.fields else None, error.message)

    def _clean_times(self, data, zone) -> None:
        starts, ends = data.get("starts_at"), data.get("ends_at")
        if starts is None or ends is None:
            return
        if data.get("all_day"):
            starts = datetime.datetime.combine(starts.date(), datetime.time())
            ends = datetime.datetime.combine(
                ends.date() + datetime.timedelta(days=1), datetime.time()
            )
        for name, naive in (("starts_at", starts), ("ends_at", ends)):
            aware = naive.replace(tzinfo=zone)
            if aware.astimezone(datetime.UTC).astimezone(zone).replace(tzinfo=None) != naive:
                self.add_error(name, _("This time does not exist here (the clocks change)."))
            data[name] = aware

    def _clean_repeat(self, data) -> None:
        repeat = data.get("repeat") or NO_REPEAT
        if repeat == CUSTOM:
            data["rrule"] = self.event.rrule
            return
        if repeat == WEEKLY and not data.get("weekdays"):
            self.add_error("weekdays", _("Choose at least one day."))
        if repeat == MONTHLY and not (data.get("week_of_month") and data.get("weekday")):
            self.add_error("week_of_month", _("Choose the week and the weekday."))
        if repeat != NO_REPEAT and data.get("until") and data.get("count"):
            self.add_error("count", _("Give either a last day or a number of times, not both."))
        data["rrule"] = build_rrule(
            repeat=repeat,
            interval=data.get("interval") or 1,
            weekdays=data.get("weekdays") or (),
            week_of_month=data.get("week_of_month") or "",
            weekday=data.get("weekday") or "",
            until=data.get("until"),
            count=data.get("count"),
        )

    def clean(self):
        data = super().clean()
        try:
            zone = zoneinfo.ZoneInfo(data.get("time_zone") or "")
        except (zoneinfo.ZoneInfoNotFoundError, ValueError):
            self.add_error("time_zone", _("Choose a valid time zone, e.g. Europe/Berlin."))
            return data
        self._clean_times(data, zone)
        self._clean_repeat(data)
        return data

    def event_data(self) -> dict:
        """What the services take: model field names and values."""
        data = {name: self.cleaned_data.get(name) for name in PLAIN_FIELDS}
        data["starts_at"] = self.cleaned_data["starts_at"]
        data["ends_at"] = self.cleaned_data["ends_at"]
        data["rrule"] = self.cleaned_data["rrule"]
        data["exdates"] = exdate_values(
            self.cleaned_data.get("exdates") or [],
            starts_at=data["starts_at"],
            time_zone=data["time_zone"],
        )
        if data["image"] is None:
            del data["image"]  # nothing uploaded: keep the current image
        return data


# Moderation and translations ------------------------------------------------------------


class ConfirmForm(forms.Form):
    """A button and nothing else (cancelling an event)."""


class RejectForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason"),
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("It is mailed to the person who entered the event."),
    )


class StatusFilterForm(forms.Form):
    status = forms.ChoiceField(label=_("Status"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["status"].choices = [("", _("all")), *Event.Status.choices]

    def status_or_all(self) -> str:
        return self.cleaned_data.get("status", "") if self.is_valid() else ""


class TranslationForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200, required=False)
    description = forms.CharField(
        label=_("Description"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_("Leave both fields empty to remove the translation."),
    )

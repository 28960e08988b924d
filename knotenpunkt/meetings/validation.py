"""The rules of a meeting's and a café session's fields, used by the services and the forms.

`check_meeting` and `check_session` report every broken rule at once (decision 0022):
the service runs them on all its values, the form on the values it could read (a value the
form refused itself is missing and not checked again), so the page shows every problem together.
"""

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from knotenpunkt.core.errors import DomainError
from knotenpunkt.core.validation import (
    all_checks,
    check_lengths,
    check_required,
    check_web_link,
    form_validator,
    max_length_of,
)

from .models import CafeSession, Meeting
from .writes import when

# Far beyond any room or hall, well inside the database columns (a 30-digit number overflowed).
CAPACITY_MAX = 100_000
POSITION_MAX = 1_000


def check_slot(starts_at, ends_at) -> None:
    """A meeting or session ends after it starts."""
    if ends_at <= starts_at:
        raise DomainError(_("The end must be after the start."), field="ends_at")


def check_capacity(capacity: int | None, *, field: str | None = "capacity") -> int | None:
    """Empty for no limit, or at least one seat."""
    if capacity is not None and capacity < 1:
        raise DomainError(
            _("Leave the capacity empty for no limit, or give at least 1."), field=field
        )
    if capacity is not None and capacity > CAPACITY_MAX:
        raise DomainError(
            _("Give a capacity of at most %(max)s.") % {"max": CAPACITY_MAX}, field=field
        )
    return capacity


def check_position(position: int | None, *, field: str | None = "position") -> int | None:
    """An agenda item's place in the list: empty keeps it, else 0 to POSITION_MAX."""
    if position is not None and not 0 <= position <= POSITION_MAX:
        raise DomainError(
            _("Give a position from 0 to %(max)s.") % {"max": POSITION_MAX}, field=field
        )
    return position


def same_minute(first, second) -> bool:
    """Two times a form shows alike (its inputs have no seconds)."""
    if first is None or second is None:
        return first is second
    return first.replace(second=0, microsecond=0) == second.replace(second=0, microsecond=0)


def check_not_past(starts_at, *, network, confirmed: bool, field: str = "starts_at") -> None:
    """A meeting in the past is a record of what took place: only on explicit confirmation
    (a typo in the year, 2019 for 2029, would otherwise plan a meeting nobody is told of)."""
    if not confirmed and starts_at < timezone.now():
        raise DomainError(
            _(
                "%(date)s is in the past. To record a meeting that has taken place, tick "
                "“Add a past meeting (for the records)”."
            )
            % {"date": when(starts_at, network)},
            field=field,
        )


def check_meeting(network, data: dict, *, past_confirmed: bool) -> dict:
    """Every rule of a meeting's values; trims the texts in `data`. Missing values are not
    checked. `past_confirmed`: a start in the past is wanted (see `check_not_past`)."""
    with all_checks() as check:
        if "title" in data:
            data["title"] = check(check_required, data["title"], field="title")
        starts, ends = data.get("starts_at"), data.get("ends_at")
        if starts is not None and ends is not None:
            check(check_slot, starts, ends)
        if starts is not None:
            check(check_not_past, starts, network=network, confirmed=past_confirmed)
        if "capacity" in data:
            check(check_capacity, data["capacity"])
        if "online_link" in data:
            link_max = max_length_of(Meeting, "online_link")
            data["online_link"] = check(
                check_web_link, data["online_link"], field="online_link", max_length=link_max
            )
        check(check_lengths, Meeting, {k: v for k, v in data.items() if k != "online_link"})
        deadline = data.get("registration_deadline")
        if deadline is not None and starts is not None and deadline > starts:
            check.refuse(
                _("The registration deadline cannot be after the start of the meeting."),
                field="registration_deadline",
            )
        if "group" in data and "kind" in data:
            _check_group(check, network, data["kind"], data["group"])
    return data


def _check_group(check, network, kind, group) -> None:
    if group is not None and group.network_id != network.pk:
        check.refuse(_("Choose a working group of this network."), field="group")
    elif kind == Meeting.Kind.WORKING_GROUP and group is None:
        check.refuse(_("Choose the working group that meets."), field="group")
    elif kind == Meeting.Kind.PLENARY and group is not None:
        check.refuse(
            _("A plenary meeting belongs to the whole network, not to one group."), field="group"
        )


def check_session(meeting: Meeting, data: dict) -> dict:
    """Every rule of a café session's values (within its meeting); trims the title in `data`.
    Missing values are not checked."""
    if meeting.kind != Meeting.Kind.PLENARY:
        raise DomainError(_("Café sessions belong to plenary meetings."))
    if meeting.is_cancelled:
        raise DomainError(_("This meeting has been cancelled."))
    with all_checks() as check:
        if "title" in data:
            data["title"] = check(check_required, data["title"], field="title")
        check(check_lengths, CafeSession, data)
        starts, ends = data.get("starts_at"), data.get("ends_at")
        if starts is not None and ends is not None:
            check(check_slot, starts, ends)
            if starts < meeting.starts_at or ends > meeting.ends_at:
                check.refuse(
                    _("The session must take place during the meeting (%(start)s to %(end)s).")
                    % {
                        "start": when(meeting.starts_at, meeting.network),
                        "end": when(meeting.ends_at, meeting.network),
                    },
                    field="starts_at",
                )
        if "capacity" in data:
            check(check_capacity, data["capacity"])
        host = data.get("host_organisation")
        if host is not None and host.network_id != meeting.network_id:
            check.refuse(_("Choose an organisation of this network."), field="host_organisation")
    return data


validate_capacity = form_validator(check_capacity)
validate_position = form_validator(check_position)

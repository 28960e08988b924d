"""Template helpers of the meeting pages."""

from django import template
from django.utils import timezone
from django.utils.html import format_html

from knotenpunkt.core.formatting import format_local_datetime, format_local_time

register = template.Library()


@register.simple_tag
def timespan(starts_at, ends_at):
    """`<time>` elements for a slot; the end shows only its time when it is the same day."""
    start, end = timezone.localtime(starts_at), timezone.localtime(ends_at)
    end_text = (
        format_local_time(end) if start.date() == end.date() else format_local_datetime(end, "long")
    )
    return format_html(
        '<time datetime="{}">{}</time>–<time datetime="{}">{}</time>',
        start.isoformat(),
        format_local_datetime(start, "long"),
        end.isoformat(),
        end_text,
    )


@register.simple_tag(takes_context=True)
def my_open_actions(context):
    """The visitor's own open action items (workspace dashboard)."""
    from ..selectors import open_actions_for_user

    request = context["request"]
    return list(open_actions_for_user(user=request.user, network=request.network))


@register.simple_tag
def meetings_of_group(group):
    """The group's upcoming and past meetings (its page)."""
    from ..cadence import group_meetings

    return group_meetings(group=group)


@register.simple_tag(takes_context=True)
def with_meeting_counts(context, groups):
    """The groups annotated with this year's meetings and the next one (the group list)."""
    from ..cadence import with_meeting_counts

    return with_meeting_counts(groups, network=context["request"].network)


@register.simple_tag(takes_context=True)
def cadence_of(context, year=None):
    """Meetings held in `year` (default: this year) against the targets, per group and plenary."""
    from ..cadence import cadence

    return cadence(network=context["request"].network, year=year)


@register.simple_tag
def records_of_group(group):
    """Latest decisions and open action items of a working group (its page)."""
    from ..selectors import group_records

    return group_records(group=group)


@register.simple_tag(takes_context=True)
def next_plenary(context):
    """The next plenary meeting (the network's home page)."""
    from ..selectors import next_plenary

    return next_plenary(network=context["request"].network)

"""The meetings' queue on the workspace: action items past their due day (core/queues.py)."""

from django.utils.translation import ngettext

from knotenpunkt.core import queues

from .selectors import overdue_actions_count


def _label(count: int) -> str:
    return ngettext(
        "%(count)s action is overdue",
        "%(count)s actions are overdue",
        count,
    ) % {"count": count}


# Those who run every meeting chase what is overdue; a lead sees their group's on its page.
queues.register(
    "actions.overdue",
    action="meetings.manage",
    url_name="meetings:actions",
    query="status=overdue",
    label=_label,
    count=lambda network: overdue_actions_count(network=network),
    order=30,
)

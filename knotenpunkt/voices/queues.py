"""The voices' queue on the workspace: new voices waiting for the coordinator (core/queues.py)."""

from django.utils.translation import ngettext

from knotenpunkt.core import queues

from .selectors import new_voices_count


def _label(count: int) -> str:
    return ngettext(
        "%(count)s new voice waits to be read",
        "%(count)s new voices wait to be read",
        count,
    ) % {"count": count}


queues.register(
    "voices.new",
    action="voices.triage",
    url_name="voices:manage",
    query="status=new",
    label=_label,
    count=new_voices_count,
    order=15,
)

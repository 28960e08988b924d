"""The member registry's queues on the workspace: imports to look at, agreements not signed
(core/queues.py)."""

from django.utils.translation import ngettext

from knotenpunkt.core import queues

from .selectors import import_jobs_needing_attention, unsigned_agreements_count


def _imports_label(count: int) -> str:
    return ngettext(
        "%(count)s CSV import waits or needs attention",
        "%(count)s CSV imports wait or need attention",
        count,
    ) % {"count": count}


def _unsigned_label(count: int) -> str:
    return ngettext(
        "%(count)s member has not signed the current agreement",
        "%(count)s members have not signed the current agreement",
        count,
    ) % {"count": count}


queues.register(
    "imports.attention",
    action="members.import",
    url_name="members:csv_import",
    label=_imports_label,
    count=lambda network: import_jobs_needing_attention(network=network).count(),
    order=20,
)
queues.register(
    "agreements.unsigned",
    action="agreements.manage",
    url_name="members:agreements_unsigned",
    label=_unsigned_label,
    count=lambda network: unsigned_agreements_count(network=network),
    order=40,
)

"""The coordinator's audit log: who did what to which object, filtered and paged."""

from django.shortcuts import render

from knotenpunkt.core.audit import (
    audit_kind_label,
    object_type_label,
    readable_changes,
    readable_summary,
)
from knotenpunkt.core.policy import requires
from knotenpunkt.core.selectors import audit_log
from knotenpunkt.core.views_helpers import paginate

from .forms import AuditFilterForm

AUDIT_PAGE_SIZE = 50


@requires("audit.view")
def audit_log_page(request):
    network = request.network
    form = AuditFilterForm(request.GET, network=network)
    page = paginate(request, audit_log(network=network, **form.filters()), AUDIT_PAGE_SIZE)
    rows = [
        {
            "entry": entry,
            "kind": audit_kind_label(entry.action),
            "object_type": object_type_label(entry.target_type),
            "changes": readable_changes(entry),
            "summary": readable_summary(entry),
        }
        for entry in page
    ]
    return render(request, "accounts/audit_log.html", {"form": form, "page": page, "rows": rows})

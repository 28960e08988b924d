"""What meetings leave behind: attendance (with the printable list), minutes, decisions, actions."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from knotenpunkt.accounts.decorators import network_permission_required
from knotenpunkt.core.errors import DomainError
from knotenpunkt.core.params import YEAR_MIN, query_int
from knotenpunkt.core.urls_helpers import network_reverse
from knotenpunkt.core.views_helpers import attempt, done, paginate

from . import access, services
from .forms import ActionItemForm, AttendanceForm, DecisionForm, MinutesForm, RecordsFilterForm
from .pdf import render_pdf
from .selectors import (
    action_item_get,
    action_items_list,
    attendance_by_organisation,
    attendance_figures,
    attendance_sheet,
    decisions_list,
    meeting_get,
    minutes_version_get,
    minutes_versions,
    open_actions_for_user,
)
from .views import VIEW, managed_meeting, meeting_form_flow


def _button(request, call, *, message, back_url, next_url=None):
    """A button's POST: run the service, then say `message` (or `message(result)`) or the
    broken rule; either way the user is back on the page (`next_url`, if given, after success).
    """
    try:
        result = call()
    except DomainError as error:
        messages.error(request, error.message)
        return redirect(back_url)
    return done(request, message(result) if callable(message) else message, next_url or back_url)


# Attendance ------------------------------------------------------------------------------


@network_permission_required(VIEW)
def attendance(request, meeting_id):
    """Check-in page; `?format=pdf` is the printable list to sign at the door.

    The PDF is rendered in the request: a meeting's list is one to three pages, which
    WeasyPrint renders in well under a second, so a task would only add waiting.
    """
    meeting = managed_meeting(request, meeting_id)
    sheet = attendance_sheet(meeting=meeting)
    context = {
        "meeting": meeting,
        "sheet": sheet,
        "present": sum(1 for row in sheet if row.attendance is not None),
        "registered": sum(1 for row in sheet if row.registered),
        "by_organisation": attendance_by_organisation(meetings=[meeting]),
        "walk_in_form": AttendanceForm(network=request.network),
    }
    if request.GET.get("format") == "pdf":
        pdf = render_pdf("meetings/attendance_pdf.html", context, request=request)
        response = HttpResponse(pdf, content_type="application/pdf")
        filename = f"{slugify(meeting.title) or 'meeting'}-{meeting.starts_at:%Y-%m-%d}.pdf"
        response["Content-Disposition"] = f'inline; filename="{filename}"'
        return response
    return render(request, "meetings/attendance.html", context)


def _attendance_action(request, meeting_id, action):
    meeting = managed_meeting(request, meeting_id)
    back_url = network_reverse(request.network, "meetings:attendance", meeting_id=meeting.pk)
    form = AttendanceForm(request.POST, network=request.network)
    if not form.is_valid():
        messages.error(request, _("Choose a person of this network."))
        return redirect(back_url)
    person = form.cleaned_data["person"]
    message = (
        _("%(name)s is checked in.")
        if action is services.attendance_check_in
        else _("%(name)s has left.")
    )
    return _button(
        request,
        lambda: action(meeting=meeting, person=person, actor=request.user),
        message=message % {"name": person.display_name},
        back_url=back_url,
        next_url=f"{back_url}#person-{person.pk}",
    )


@require_POST
@network_permission_required(VIEW)
def check_in(request, meeting_id):
    return _attendance_action(request, meeting_id, services.attendance_check_in)


@require_POST
@network_permission_required(VIEW)
def check_out(request, meeting_id):
    return _attendance_action(request, meeting_id, services.attendance_check_out)


@network_permission_required("meetings.figures")
def attendance_overview(request):
    """Figures per meeting and per organisation for one year."""
    network = request.network
    this_year = timezone.localdate(timezone.now(), network.tz).year
    year = query_int(request, "year", default=this_year, min_value=YEAR_MIN, max_value=this_year)
    meetings = attendance_figures(network=network, year=year)
    context = {
        "year": year,
        "years": range(this_year, this_year - 5, -1),
        "meetings": meetings,
        "by_organisation": attendance_by_organisation(meetings=meetings.values("pk")),
    }
    return render(request, "meetings/attendance_overview.html", context)


# Minutes ---------------------------------------------------------------------------------


@network_permission_required(VIEW)
def minutes(request, meeting_id):
    """The current minutes, their versions, and (for those who run the meeting) the editor."""
    meeting = meeting_get(network=request.network, meeting_id=meeting_id)
    may_manage = access.may_manage(request.user, meeting)
    versions = list(minutes_versions(meeting=meeting))
    current = versions[0] if versions else None
    form = None
    if may_manage:
        form = MinutesForm(request.POST or None, initial={"text": current.text if current else ""})
        if request.method == "POST" and form.is_valid():
            version = attempt(
                form,
                lambda: services.minutes_save(
                    meeting=meeting, actor=request.user, text=form.cleaned_data["text"]
                ),
            )
            if version:
                return done(
                    request,
                    _("Version %(number)s of the minutes was saved.") % {"number": version.number},
                    network_reverse(request.network, "meetings:minutes", meeting_id=meeting.pk),
                )
    elif request.method == "POST":
        raise PermissionDenied("meetings.manage")
    context = {"meeting": meeting, "current": current, "versions": versions, "form": form}
    return render(request, "meetings/minutes.html", context)


@network_permission_required(VIEW)
def minutes_version(request, version_id):
    version = minutes_version_get(network=request.network, version_id=version_id)
    context = {
        "version": version,
        "meeting": version.meeting,
        "may_manage": access.may_manage(request.user, version.meeting),
    }
    return render(request, "meetings/minutes_version.html", context)


@require_POST
@network_permission_required(VIEW)
def minutes_restore(request, version_id):
    version = minutes_version_get(network=request.network, version_id=version_id)
    access.require_manage(request.user, version.meeting)
    return _button(
        request,
        lambda: services.minutes_restore(version=version, actor=request.user),
        message=lambda restored: (
            _("Version %(old)s is the current text again (saved as version %(new)s).")
            % {"old": version.number, "new": restored.number}
        ),
        back_url=network_reverse(
            request.network, "meetings:minutes", meeting_id=version.meeting_id
        ),
    )


# Decisions -------------------------------------------------------------------------------


@network_permission_required(VIEW)
def decision_list(request):
    network = request.network
    form = RecordsFilterForm(request.GET, network=network)
    filters = form.filters()
    page = paginate(request, decisions_list(network=network, **filters))
    return render(request, "meetings/decision_list.html", {"form": form, "page": page})


@network_permission_required(VIEW)
def decision_add(request, meeting_id):
    network = request.network
    meeting = managed_meeting(request, meeting_id)
    form = DecisionForm(request.POST or None, network=network, initial={"group": meeting.group_id})
    return meeting_form_flow(
        request,
        form,
        meeting,
        service=services.decision_record,
        message=_("The decision was recorded."),
        title=_("Record a decision of %(title)s") % {"title": meeting.title},
        submit_label=_("Record decision"),
    )


# Action items ----------------------------------------------------------------------------


@network_permission_required(VIEW)
def action_list(request):
    network = request.network
    form = RecordsFilterForm(request.GET, network=network, with_status=True)
    page = paginate(request, action_items_list(network=network, **form.filters()))
    context = {
        "form": form,
        "page": page,
        "my_actions": open_actions_for_user(user=request.user, network=network),
    }
    return render(request, "meetings/action_list.html", context)


@network_permission_required(VIEW)
def action_add(request, meeting_id):
    network = request.network
    meeting = managed_meeting(request, meeting_id)
    form = ActionItemForm(request.POST or None, network=network)
    return meeting_form_flow(
        request,
        form,
        meeting,
        service=services.action_item_create,
        message=_("The action was added."),
        title=_("Add an action to %(title)s") % {"title": meeting.title},
        submit_label=_("Add action"),
    )


@require_POST
@network_permission_required(VIEW)
def action_complete(request, action_item_id):
    network = request.network
    item = action_item_get(network=network, action_item_id=action_item_id)
    if not access.may_complete(request.user, item):
        raise PermissionDenied("meetings.manage")
    next_url = request.POST.get("next", "")
    if not next_url.startswith(f"/{request.LANGUAGE_CODE}/{network.slug}/"):
        next_url = network_reverse(network, "meetings:actions")
    return _button(
        request,
        lambda: services.action_item_complete(item=item, actor=request.user),
        message=_("“%(text)s” is done.") % {"text": item.text},
        back_url=next_url,
    )

"""What meetings leave behind: attendance (with the printable list), minutes, decisions, actions."""

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from knotenpunkt.core.errors import DomainError
from knotenpunkt.core.params import YEAR_MIN, query_int
from knotenpunkt.core.policy import can, requires
from knotenpunkt.core.urls_helpers import network_reverse
from knotenpunkt.core.views_helpers import attempt, done, paginate

from . import services
from .forms import ActionItemForm, AttendanceForm, DecisionForm, MinutesForm, RecordsFilterForm
from .pdf import render_pdf
from .selectors import (
    action_item_get,
    action_items_list,
    attendance_by_organisation,
    attendance_figures,
    attendance_sheet,
    decisions_list,
    minutes_version_get,
    minutes_versions,
    open_actions_for_user,
)
from .views import VIEW, meeting_form_flow, meeting_of_url


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


@requires("meetings.manage", obj=meeting_of_url)
def attendance(request, meeting_id, obj):
    """Check-in page; `?format=pdf` is the printable list to sign at the door.

    The PDF is rendered in the request: a meeting's list is one to three pages, which
    WeasyPrint renders in well under a second, so a task would only add waiting.
    """
    meeting = obj
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


def _attendance_action(request, meeting, action):
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
@requires("meetings.manage", obj=meeting_of_url)
def check_in(request, meeting_id, obj):
    return _attendance_action(request, obj, services.attendance_check_in)


@require_POST
@requires("meetings.manage", obj=meeting_of_url)
def check_out(request, meeting_id, obj):
    return _attendance_action(request, obj, services.attendance_check_out)


@requires("meetings.figures")
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


@requires(VIEW, post="meetings.manage", obj=meeting_of_url)
def minutes(request, meeting_id, obj):
    """The current minutes, their versions, and (for those who run the meeting) the editor."""
    meeting = obj
    may_manage = can(request.user, request.network, "meetings.manage", meeting)
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
    context = {"meeting": meeting, "current": current, "versions": versions, "form": form}
    return render(request, "meetings/minutes.html", context)


@requires(VIEW)
def minutes_version(request, version_id):
    version = minutes_version_get(network=request.network, version_id=version_id)
    context = {
        "version": version,
        "meeting": version.meeting,
        "may_manage": can(request.user, request.network, "meetings.manage", version),
    }
    return render(request, "meetings/minutes_version.html", context)


def _version(request, version_id):
    return minutes_version_get(network=request.network, version_id=version_id)


@require_POST
@requires("meetings.manage", obj=_version)
def minutes_restore(request, version_id, obj):
    version = obj
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


@requires(VIEW)
def decision_list(request):
    network = request.network
    form = RecordsFilterForm(request.GET, network=network)
    filters = form.filters()
    page = paginate(request, decisions_list(network=network, **filters))
    return render(request, "meetings/decision_list.html", {"form": form, "page": page})


@requires("meetings.manage", obj=meeting_of_url)
def decision_add(request, meeting_id, obj):
    network, meeting = request.network, obj
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


@requires(VIEW)
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


@requires("meetings.manage", obj=meeting_of_url)
def action_add(request, meeting_id, obj):
    network, meeting = request.network, obj
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


def _action_item(request, action_item_id):
    return action_item_get(network=request.network, action_item_id=action_item_id)


@require_POST
@requires("meetings.complete_item", obj=_action_item)
def action_complete(request, action_item_id, obj):
    network, item = request.network, obj
    next_url = request.POST.get("next", "")
    if not next_url.startswith(f"/{request.LANGUAGE_CODE}/{network.slug}/"):
        next_url = network_reverse(network, "meetings:actions")
    return _button(
        request,
        lambda: services.action_item_complete(item=item, actor=request.user),
        message=_("“%(text)s” is done.") % {"text": item.text},
        back_url=next_url,
    )

"""Meeting pages: the list, a meeting with its agenda and café, planning, registration.

Attendance, minutes, decisions and action items are in views_records.py; the personal
calendar feed in views_feed.py.
"""

from django.core.exceptions import PermissionDenied
from django.shortcuts import render
from django.utils.translation import gettext as _

from knotenpunkt.accounts.decorators import network_permission_required
from knotenpunkt.accounts.permissions import can
from knotenpunkt.core.params import query_id
from knotenpunkt.core.urls_helpers import network_reverse
from knotenpunkt.core.views_helpers import done, form_flow, form_page, paginate

from . import access, services
from .forms import (
    AgendaItemForm,
    CafeSessionForm,
    CancelForm,
    MeetingFilterForm,
    MeetingForm,
    RegisterForm,
)
from .models import Meeting
from .selectors import (
    action_items_list,
    active_registrations,
    agenda_item_get,
    agenda_of,
    decisions_list,
    free_seats,
    meeting_get,
    meetings_list,
    minutes_versions,
    registration_get,
    registration_is_open,
    session_get,
    sessions_of,
)

VIEW = "meetings.view"


def meeting_url(network, meeting) -> str:
    return network_reverse(network, "meetings:detail", meeting_id=meeting.pk)


def session_url(network, session) -> str:
    return network_reverse(network, "meetings:session", session_id=session.pk)


def managed_meeting(request, meeting_id) -> Meeting:
    """The meeting, if the user may run it (403 otherwise)."""
    meeting = meeting_get(network=request.network, meeting_id=meeting_id)
    access.require_manage(request.user, meeting)
    return meeting


def meeting_form_flow(request, form, meeting, *, service, message, **page):
    """A page that changes a meeting or adds to it: the form's data go to `service`, and
    the way leads back to the meeting, saved or not."""
    url = meeting_url(request.network, meeting)
    return form_flow(
        request,
        form,
        save=lambda: service(meeting=meeting, actor=request.user, **form.cleaned_data),
        message=message,
        next_url=url,
        back_url=url,
        **page,
    )


def _confirm_form(request):
    """A yes/no page's form: no fields, so it is bound on every POST, also an empty one."""
    form = CancelForm(request.POST if request.method == "POST" else None)
    del form.fields["reason"]
    return form


# List and detail -------------------------------------------------------------------------


@network_permission_required(VIEW)
def meeting_list(request):
    network = request.network
    form = MeetingFilterForm(request.GET, network=network)
    filters = form.filters()
    page = paginate(request, meetings_list(network=network, **filters))
    for meeting in page.object_list:
        meeting.free_seats = free_seats(meeting)
    context = {
        "form": form,
        "filters": filters,
        "page": page,
        "may_create": access.may_create(request.user, network),
    }
    return render(request, "meetings/meeting_list.html", context)


def _register_form(request, meeting, item):
    if not (
        access.may_register(request.user, meeting)
        and registration_is_open(meeting=meeting, item=item)
    ):
        return None
    return RegisterForm(persons=access.registrable_persons(request.user, meeting))


@network_permission_required(VIEW)
def meeting_detail(request, meeting_id):
    network = request.network
    meeting = meeting_get(network=network, meeting_id=meeting_id)
    meeting.free_seats = free_seats(meeting)
    may_manage = access.may_manage(request.user, meeting)
    registrations = active_registrations(meeting=meeting, user=request.user, everything=may_manage)
    latest_minutes = minutes_versions(meeting=meeting).first()
    context = {
        "meeting": meeting,
        "may_manage": may_manage,
        "agenda": agenda_of(meeting=meeting),
        "sessions": sessions_of(meeting=meeting) if meeting.kind == Meeting.Kind.PLENARY else [],
        "registrations": [r for r in registrations if r.session_id is None],
        "session_registrations": [r for r in registrations if r.session_id is not None],
        "register_form": _register_form(request, meeting, meeting),
        "decisions": decisions_list(network=network, meeting=meeting),
        "action_items": action_items_list(network=network, status="", meeting=meeting),
        "latest_minutes": latest_minutes,
    }
    return render(request, "meetings/meeting_detail.html", context)


# Planning --------------------------------------------------------------------------------


def _meeting_form(request, *, initial=None, active_only=True):
    network = request.network
    lead_only = not can(request.user, network, "meetings.manage")
    groups = access.groups_for_meetings(request.user, network, active_only=active_only)
    return MeetingForm(request.POST or None, groups=groups, lead_only=lead_only, initial=initial)


@network_permission_required(VIEW)
def meeting_create(request):
    network = request.network
    if not access.may_create(request.user, network):
        raise PermissionDenied("meetings.manage")
    initial = {}
    group_id = query_id(request, "group")
    if group_id is not None:
        initial = {"group": group_id, "kind": Meeting.Kind.WORKING_GROUP}
    form = _meeting_form(request, initial=initial)
    return form_flow(
        request,
        form,
        save=lambda: services.meeting_create(
            network=network, actor=request.user, **form.cleaned_data
        ),
        message=lambda meeting: (
            _("The meeting “%(title)s” was planned.") % {"title": meeting.title}
        ),
        next_url=lambda meeting: meeting_url(network, meeting),
        title=_("Plan a meeting"),
        back_url=network_reverse(network, "meetings:list"),
        submit_label=_("Plan meeting"),
    )


@network_permission_required(VIEW)
def meeting_edit(request, meeting_id):
    meeting = managed_meeting(request, meeting_id)
    initial = {name: getattr(meeting, name) for name in services.MEETING_FIELDS}
    form = _meeting_form(request, initial=initial, active_only=False)
    return meeting_form_flow(
        request,
        form,
        meeting,
        service=services.meeting_update,
        message=_("The meeting was saved."),
        title=_("Edit %(title)s") % {"title": meeting.title},
        intro=_("Registered people get the changed invitation by mail when time or place change."),
        submit_label=_("Save"),
    )


@network_permission_required(VIEW)
def meeting_cancel(request, meeting_id):
    meeting = managed_meeting(request, meeting_id)
    form = CancelForm(request.POST or None)
    return meeting_form_flow(
        request,
        form,
        meeting,
        service=services.meeting_cancel,
        message=_("The meeting was cancelled; everybody registered is told by mail."),
        title=_("Cancel %(title)s") % {"title": meeting.title},
        intro=_(
            "Everybody registered for the meeting or its café sessions gets a cancellation "
            "that removes it from their calendar."
        ),
        submit_label=_("Cancel the meeting"),
        danger=True,
    )


# Agenda ----------------------------------------------------------------------------------


@network_permission_required(VIEW)
def agenda_add(request, meeting_id):
    meeting = managed_meeting(request, meeting_id)
    form = AgendaItemForm(request.POST or None)
    del form.fields["position"]
    return meeting_form_flow(
        request,
        form,
        meeting,
        service=services.agenda_item_add,
        message=_("The agenda item was added."),
        title=_("Add an agenda item to %(title)s") % {"title": meeting.title},
        submit_label=_("Add agenda item"),
    )


def _managed_agenda_item(request, agenda_item_id):
    item = agenda_item_get(network=request.network, agenda_item_id=agenda_item_id)
    access.require_manage(request.user, item.meeting)
    return item


@network_permission_required(VIEW)
def agenda_edit(request, agenda_item_id):
    network = request.network
    item = _managed_agenda_item(request, agenda_item_id)
    initial = {"title": item.title, "notes": item.notes, "position": item.position}
    form = AgendaItemForm(request.POST or None, initial=initial)
    return form_flow(
        request,
        form,
        save=lambda: services.agenda_item_update(
            item=item, actor=request.user, **form.cleaned_data
        ),
        message=_("The agenda item was saved."),
        next_url=meeting_url(network, item.meeting),
        title=_("Edit an agenda item"),
        back_url=meeting_url(network, item.meeting),
        submit_label=_("Save"),
    )


@network_permission_required(VIEW)
def agenda_delete(request, agenda_item_id):
    network = request.network
    item = _managed_agenda_item(request, agenda_item_id)
    form = _confirm_form(request)
    if request.method == "POST":
        services.agenda_item_delete(item=item, actor=request.user)
        return done(request, _("The agenda item was removed."), meeting_url(network, item.meeting))
    return form_page(
        request,
        form,
        title=_("Remove “%(title)s” from the agenda?") % {"title": item.title},
        back_url=meeting_url(network, item.meeting),
        submit_label=_("Remove"),
        danger=True,
    )


# Café sessions ---------------------------------------------------------------------------


@network_permission_required(VIEW)
def session_create(request, meeting_id):
    network = request.network
    meeting = managed_meeting(request, meeting_id)
    initial = {"starts_at": meeting.starts_at, "ends_at": meeting.ends_at}
    form = CafeSessionForm(request.POST or None, network=network, initial=initial)
    return meeting_form_flow(
        request,
        form,
        meeting,
        service=services.cafe_session_create,
        message=lambda session: (
            _("The café session “%(title)s” was added.") % {"title": session.title}
        ),
        title=_("Add a café session to %(title)s") % {"title": meeting.title},
        submit_label=_("Add session"),
    )


@network_permission_required(VIEW)
def session_detail(request, session_id):
    network = request.network
    session = session_get(network=network, session_id=session_id)
    meeting = session.meeting
    may_manage = access.may_manage(request.user, meeting)
    registrations = active_registrations(meeting=meeting, user=request.user, everything=may_manage)
    context = {
        "session": session,
        "meeting": meeting,
        "may_manage": may_manage,
        "registrations": [r for r in registrations if r.session_id == session.pk],
        "register_form": _register_form(request, meeting, session),
    }
    return render(request, "meetings/session_detail.html", context)


def _managed_session(request, session_id):
    session = session_get(network=request.network, session_id=session_id)
    access.require_manage(request.user, session.meeting)
    return session


@network_permission_required(VIEW)
def session_edit(request, session_id):
    network = request.network
    session = _managed_session(request, session_id)
    initial = {name: getattr(session, name) for name in services.SESSION_FIELDS}
    form = CafeSessionForm(request.POST or None, network=network, initial=initial)
    return form_flow(
        request,
        form,
        save=lambda: services.cafe_session_update(
            session=session, actor=request.user, **form.cleaned_data
        ),
        message=_("The café session was saved."),
        next_url=session_url(network, session),
        title=_("Edit %(title)s") % {"title": session.title},
        back_url=session_url(network, session),
        submit_label=_("Save"),
    )


@network_permission_required(VIEW)
def session_cancel(request, session_id):
    network = request.network
    session = _managed_session(request, session_id)
    form = _confirm_form(request)
    return form_flow(
        request,
        form,
        save=lambda: services.cafe_session_cancel(session=session, actor=request.user),
        message=_("The café session was cancelled."),
        next_url=session_url(network, session),
        title=_("Cancel %(title)s") % {"title": session.title},
        intro=_("Everybody registered for this session gets a cancellation by mail."),
        back_url=session_url(network, session),
        submit_label=_("Cancel the session"),
        danger=True,
    )


# Registration ----------------------------------------------------------------------------


def _register(request, *, meeting, item, back_url, register):
    if not access.may_register(request.user, meeting):
        raise PermissionDenied("meetings.register")
    form = RegisterForm(
        request.POST or None, persons=access.registrable_persons(request.user, meeting)
    )

    def message(registration):
        if registration.status == registration.Status.CONFIRMED:
            text = _("%(name)s is registered.")
        else:
            text = _("%(name)s is on the waiting list; a free seat will be offered by mail.")
        return text % {"name": form.cleaned_data["person"].display_name}

    return form_flow(
        request,
        form,
        save=lambda: register(person=form.cleaned_data["person"], actor=request.user),
        message=message,
        next_url=back_url,
        title=_("Register for %(title)s") % {"title": item.title},
        intro=_("When all seats are taken, the person joins the waiting list."),
        back_url=back_url,
        submit_label=_("Register"),
    )


@network_permission_required(VIEW)
def meeting_register(request, meeting_id):
    meeting = meeting_get(network=request.network, meeting_id=meeting_id)
    return _register(
        request,
        meeting=meeting,
        item=meeting,
        back_url=meeting_url(request.network, meeting),
        register=lambda **kwargs: services.meeting_register(meeting=meeting, **kwargs),
    )


@network_permission_required(VIEW)
def session_register(request, session_id):
    session = session_get(network=request.network, session_id=session_id)
    return _register(
        request,
        meeting=session.meeting,
        item=session,
        back_url=session_url(request.network, session),
        register=lambda **kwargs: services.session_register(session=session, **kwargs),
    )


@network_permission_required(VIEW)
def registration_cancel(request, registration_id):
    network = request.network
    registration = registration_get(network=network, registration_id=registration_id)
    if not access.may_cancel(request.user, registration):
        raise PermissionDenied("meetings.register")
    item = registration.session or registration.meeting
    back_url = (
        session_url(network, item)
        if registration.session_id
        else meeting_url(network, registration.meeting)
    )
    form = _confirm_form(request)
    return form_flow(
        request,
        form,
        save=lambda: services.registration_cancel(registration=registration, actor=request.user),
        message=_("The registration was cancelled."),
        next_url=back_url,
        title=_("Cancel the registration of %(name)s for %(title)s?")
        % {"name": registration.person.display_name, "title": item.title},
        intro=_("The seat goes to the next person on the waiting list."),
        back_url=back_url,
        submit_label=_("Cancel registration"),
        danger=True,
    )

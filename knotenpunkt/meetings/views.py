"""Meeting pages: the list, a meeting with its agenda and café, planning, registration.

Attendance, minutes, decisions and action items are in views_records.py; the personal
calendar feed in views_feed.py.
"""

from django.shortcuts import render
from django.utils.translation import gettext as _

from knotenpunkt.core.params import query_id
from knotenpunkt.core.policy import can, requires
from knotenpunkt.core.urls_helpers import network_reverse
from knotenpunkt.core.views_helpers import done, form_flow, form_page, paginate

from . import services
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
    groups_for_meetings,
    meeting_get,
    meetings_list,
    minutes_versions,
    registrable_persons,
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


# The objects of the URLs, for the policy's object rules (core/policy.py: requires).


def meeting_of_url(request, meeting_id) -> Meeting:
    return meeting_get(network=request.network, meeting_id=meeting_id)


def _agenda_item(request, agenda_item_id):
    return agenda_item_get(network=request.network, agenda_item_id=agenda_item_id)


def _session(request, session_id):
    return session_get(network=request.network, session_id=session_id)


def _registration(request, registration_id):
    return registration_get(network=request.network, registration_id=registration_id)


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


@requires(VIEW)
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
        "may_create": can(request.user, network, "meetings.plan"),
    }
    return render(request, "meetings/meeting_list.html", context)


def _register_form(request, meeting, item):
    if not (
        can(request.user, request.network, "meetings.register", meeting)
        and registration_is_open(meeting=meeting, item=item)
    ):
        return None
    return RegisterForm(persons=registrable_persons(user=request.user, meeting=meeting))


@requires(VIEW)
def meeting_detail(request, meeting_id):
    network = request.network
    meeting = meeting_get(network=network, meeting_id=meeting_id)
    meeting.free_seats = free_seats(meeting)
    may_manage = can(request.user, network, "meetings.manage", meeting)
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


def _meeting_form(request, *, initial=None, meeting=None):
    network = request.network
    lead_only = not can(request.user, network, "meetings.manage")
    groups = groups_for_meetings(user=request.user, network=network, active_only=meeting is None)
    return MeetingForm(
        request.POST or None,
        network=network,
        groups=groups,
        lead_only=lead_only,
        initial=initial,
        current_start=meeting.starts_at if meeting else None,
    )


@requires("meetings.plan")
def meeting_create(request):
    network = request.network
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


@requires("meetings.manage", obj=meeting_of_url)
def meeting_edit(request, meeting_id, obj):
    meeting = obj
    initial = {name: getattr(meeting, name) for name in services.MEETING_FIELDS}
    form = _meeting_form(request, initial=initial, meeting=meeting)
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


@requires("meetings.manage", obj=meeting_of_url)
def meeting_cancel(request, meeting_id, obj):
    meeting = obj
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


@requires("meetings.manage", obj=meeting_of_url)
def agenda_add(request, meeting_id, obj):
    meeting = obj
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


@requires("meetings.manage", obj=_agenda_item)
def agenda_edit(request, agenda_item_id, obj):
    network, item = request.network, obj
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


@requires("meetings.manage", obj=_agenda_item)
def agenda_delete(request, agenda_item_id, obj):
    network, item = request.network, obj
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


@requires("meetings.manage", obj=meeting_of_url)
def session_create(request, meeting_id, obj):
    meeting = obj
    initial = {"starts_at": meeting.starts_at, "ends_at": meeting.ends_at}
    form = CafeSessionForm(request.POST or None, meeting=meeting, initial=initial)
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


@requires(VIEW)
def session_detail(request, session_id):
    network = request.network
    session = session_get(network=network, session_id=session_id)
    meeting = session.meeting
    may_manage = can(request.user, network, "meetings.manage", meeting)
    registrations = active_registrations(meeting=meeting, user=request.user, everything=may_manage)
    context = {
        "session": session,
        "meeting": meeting,
        "may_manage": may_manage,
        "registrations": [r for r in registrations if r.session_id == session.pk],
        "register_form": _register_form(request, meeting, session),
    }
    return render(request, "meetings/session_detail.html", context)


@requires("meetings.manage", obj=_session)
def session_edit(request, session_id, obj):
    network, session = request.network, obj
    initial = {name: getattr(session, name) for name in services.SESSION_FIELDS}
    form = CafeSessionForm(request.POST or None, meeting=session.meeting, initial=initial)
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


@requires("meetings.manage", obj=_session)
def session_cancel(request, session_id, obj):
    network, session = request.network, obj
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
    form = RegisterForm(
        request.POST or None, persons=registrable_persons(user=request.user, meeting=meeting)
    )

    def message(registration):
        confirmed = registration.status == registration.Status.CONFIRMED
        if getattr(registration, "plenary_registered", False):
            # Booking a café session registered for the plenary too (services.session_register).
            text = (
                _("%(name)s is registered for the café session and for the plenary meeting.")
                if confirmed
                else _(
                    "%(name)s is registered for the plenary meeting and on the waiting list of "
                    "the café session; a free seat will be offered by mail."
                )
            )
        elif confirmed:
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


@requires("meetings.register", obj=meeting_of_url)
def meeting_register(request, meeting_id, obj):
    meeting = obj
    return _register(
        request,
        meeting=meeting,
        item=meeting,
        back_url=meeting_url(request.network, meeting),
        register=lambda **kwargs: services.meeting_register(meeting=meeting, **kwargs),
    )


@requires("meetings.register", obj=_session)
def session_register(request, session_id, obj):
    session = obj
    return _register(
        request,
        meeting=session.meeting,
        item=session,
        back_url=session_url(request.network, session),
        register=lambda **kwargs: services.session_register(session=session, **kwargs),
    )


@requires("meetings.cancel_registration", obj=_registration)
def registration_cancel(request, registration_id, obj):
    network, registration = request.network, obj
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

"""Pages to enter and moderate events: submit, my events, edit, cancel, translations, the queue.

Member contacts work on their organisations' events; the coordinator moderates and may
change any event. The services decide; these pages only ask them and show the answer.
"""

from django.conf import settings
from django.http import Http404
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from knotenpunkt.core.errors import DomainError
from knotenpunkt.core.languages import language_name
from knotenpunkt.core.policy import can, requires
from knotenpunkt.core.urls_helpers import network_reverse
from knotenpunkt.core.views_helpers import done, form_flow, paginate

from . import services
from .forms import ConfirmForm, EventForm, RejectForm, StatusFilterForm, TranslationForm
from .models import Event, EventTranslation
from .selectors_manage import (
    event_get,
    events_manage_list,
    events_of_user,
    events_waiting,
    organisations_for_writer,
)


def _detail_url(event) -> str:
    return network_reverse(event.network, "eventcalendar:manage_detail", event_id=event.pk)


def _home_url(request, event=None) -> str:
    """Coordinators return to the moderation pages, member contacts to their own events."""
    if can(request.user, request.network, "events.moderate"):
        return (
            _detail_url(event)
            if event
            else network_reverse(request.network, "eventcalendar:manage")
        )
    return network_reverse(request.network, "eventcalendar:mine")


def _event(request, event_id, **_language) -> Event:
    return event_get(network=request.network, event_id=event_id)


def _saved_message(event) -> str:
    if event.status == Event.Status.SUBMITTED:
        return _("“%(title)s” was saved and waits for moderation.") % {"title": event.title}
    return _("“%(title)s” was saved.") % {"title": event.title}


def _event_form_page(request, form, *, title, submit_label, back_url, save):
    if request.method == "POST" and form.is_valid():
        try:
            event = save(form.event_data())
        except DomainError as error:
            form.add_domain_error(error)
        else:
            return done(request, _saved_message(event), _home_url(request, event))
    context = {"form": form, "title": title, "submit_label": submit_label, "back_url": back_url}
    return render(request, "eventcalendar/manage/event_form.html", context)


# Member contacts (and the coordinator) ---------------------------------------------------


@requires("events.write", refusal="eventcalendar/manage/no_organisation.html")
def event_submit(request):
    network = request.network
    organisations = organisations_for_writer(actor=request.user, network=network)
    form = EventForm(
        request.POST or None,
        request.FILES or None,
        network=network,
        organisations=organisations,
        any_organiser=can(request.user, network, "events.moderate"),
    )
    return _event_form_page(
        request,
        form,
        title=_("Propose an event"),
        submit_label=_("Submit event"),
        back_url=_home_url(request),
        save=lambda data: services.event_submit(network=network, actor=request.user, data=data),
    )


@requires("events.submit")
def my_events(request):
    events = events_of_user(user=request.user, network=request.network)
    context = {"page": paginate(request, events)}
    return render(request, "eventcalendar/manage/mine.html", context)


@requires("events.write", obj=_event)
def event_edit(request, event_id, obj):
    event = obj
    organisations = organisations_for_writer(actor=request.user, network=request.network)
    form = EventForm(
        request.POST or None,
        request.FILES or None,
        network=request.network,
        organisations=organisations,
        event=event,
        any_organiser=can(request.user, request.network, "events.moderate"),
    )
    return _event_form_page(
        request,
        form,
        title=_("Change “%(title)s”") % {"title": event.title},
        submit_label=_("Save changes"),
        back_url=_home_url(request, event),
        save=lambda data: services.event_update(event=event, actor=request.user, data=data),
    )


@requires("events.write", obj=_event)
def event_cancel(request, event_id, obj):
    event = obj
    return form_flow(
        request,
        ConfirmForm(request.POST if request.method == "POST" else None),
        save=lambda: services.event_cancel(event=event, actor=request.user),
        message=_("“%(title)s” is cancelled; the calendar shows it as cancelled.")
        % {"title": event.title},
        next_url=_home_url(request, event),
        title=_("Cancel “%(title)s”?") % {"title": event.title},
        intro=_("The event stays in the calendar, marked as cancelled. This cannot be undone."),
        back_url=_home_url(request, event),
        submit_label=_("Cancel the event"),
        danger=True,
    )


@requires("events.write", obj=_event)
def translation_list(request, event_id, obj):
    event = obj
    existing = {translation.language: translation for translation in event.translations.all()}
    languages = [
        (code, language_name(code), existing.get(code))
        for code in request.network.languages
        if code != event.original_language
    ]
    context = {"event": event, "languages": languages, "back_url": _home_url(request, event)}
    return render(request, "eventcalendar/manage/translations.html", context)


@requires("events.write", obj=_event)
def translation_edit(request, event_id, language, obj):
    event = obj
    if language not in dict(settings.LANGUAGES) or language == event.original_language:
        raise Http404("language")
    current = EventTranslation.objects.filter(event=event, language=language).first()
    initial = {"title": current.title, "description": current.description} if current else {}
    form = TranslationForm(request.POST or None, initial=initial)
    back_url = network_reverse(request.network, "eventcalendar:translations", event_id=event.pk)
    return form_flow(
        request,
        form,
        save=lambda: (
            services.translation_save(
                event=event, actor=request.user, language=language, **form.cleaned_data
            )
            or event
        ),
        message=_("The translation was saved."),
        next_url=back_url,
        title=_("“%(title)s” in %(language)s")
        % {"title": event.title, "language": language_name(language)},
        intro=_("Original text:") + " " + event.title,
        back_url=back_url,
        submit_label=_("Save translation"),
    )


# Coordinator -----------------------------------------------------------------------------


@requires("events.moderate")
def manage(request):
    network = request.network
    status_form = StatusFilterForm(request.GET)
    status = status_form.status_or_all()
    context = {
        "waiting": events_waiting(network=network),
        "page": paginate(request, events_manage_list(network=network, status=status)),
        "status_form": status_form,
        "status": status,
    }
    return render(request, "eventcalendar/manage/list.html", context)


@requires("events.moderate")
def manage_detail(request, event_id):
    event = event_get(network=request.network, event_id=event_id)
    context = {"event": event, "reject_form": RejectForm()}
    return render(request, "eventcalendar/manage/detail.html", context)


@require_POST
@requires("events.moderate")
def event_approve(request, event_id):
    event = event_get(network=request.network, event_id=event_id)
    try:
        services.event_approve(event=event, actor=request.user)
    except DomainError as error:
        context = {"event": event, "reject_form": RejectForm(), "error": error.message}
        return render(request, "eventcalendar/manage/detail.html", context, status=409)
    message = _("“%(title)s” is published.") % {"title": event.title}
    return done(request, message, network_reverse(request.network, "eventcalendar:manage"))


@requires("events.moderate")
def event_reject(request, event_id):
    event = event_get(network=request.network, event_id=event_id)
    form = RejectForm(request.POST or None)
    return form_flow(
        request,
        form,
        save=lambda: services.event_reject(
            event=event, actor=request.user, reason=form.cleaned_data["reason"]
        ),
        message=_("“%(title)s” was rejected; the reason was mailed.") % {"title": event.title},
        next_url=network_reverse(request.network, "eventcalendar:manage"),
        title=_("Reject “%(title)s”") % {"title": event.title},
        back_url=_detail_url(event),
        submit_label=_("Reject and send the reason"),
        danger=True,
    )

"""Writes of the event calendar: submission, editing, moderation, cancelling, translations.

Member contacts write for the organisations they speak for, coordinators for any. A
coordinator's or a trusted organisation's event is published at once; everybody else's waits
for moderation, and so does a published event whose date, recurrence or title they change.
Every function is one write with one audit entry.
"""

import zoneinfo

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from knotenpunkt.core.errors import DomainError, PermissionDenied
from knotenpunkt.core.images import check_image
from knotenpunkt.core.languages import parse_language_codes
from knotenpunkt.core.mail import mail_send_later
from knotenpunkt.core.policy import can
from knotenpunkt.core.search import search_index
from knotenpunkt.core.services import audit_record
from knotenpunkt.core.urls_helpers import absolute_url, network_reverse
from knotenpunkt.core.validation import check_lengths, check_web_link, max_length_of

from .models import AUDIENCE_LABELS, Event, EventTranslation
from .recurrence import check_recurrence

Status = Event.Status

EVENT_FIELDS = (
    "original_language",
    "title",
    "description",
    "starts_at",
    "ends_at",
    "all_day",
    "time_zone",
    "rrule",
    "exdates",
    "place_name",
    "address",
    "online_link",
    "organiser",
    "audiences",
    "languages",
    "is_free",
    "cost",
    "step_free",
    "sign_language",
    "childcare",
    "registration_url",
    "image",
    "image_alt",
)
# A change of these is what calendars that subscribed must learn (iCal SEQUENCE) and
# what a moderator must see again before it is public.
TIME_AND_TITLE_FIELDS = (
    "title",
    "starts_at",
    "ends_at",
    "all_day",
    "time_zone",
    "rrule",
    "exdates",
)
LINK_FIELDS = ("online_link", "registration_url")
MAIL_TEMPLATES = "eventcalendar/manage/mail/"


# Who may do what ------------------------------------------------------------------------


def _require_writer(actor, network, organisation) -> None:
    """Coordinators write any event; member contacts only those of their organisations."""
    if not can(actor, network, "events.write", organisation):
        raise PermissionDenied(
            _("You can only enter events of organisations you speak for."), field="organiser"
        )


def _require_moderator(actor, network) -> None:
    if not can(actor, network, "events.moderate"):
        raise PermissionDenied(_("Only the coordination can moderate events."))


def _publishes_directly(actor, network, organisation) -> bool:
    return can(actor, network, "events.moderate") or bool(organisation and organisation.trusted)


# Validation -----------------------------------------------------------------------------


def _check_choices(event: Event) -> None:
    if event.original_language not in dict(settings.LANGUAGES):
        raise DomainError(_("Choose a language of the text."), field="original_language")
    unknown = [key for key in event.audiences if key not in AUDIENCE_LABELS]
    if unknown:
        raise DomainError(_("Choose audiences from the list."), field="audiences")
    try:
        event.languages = parse_language_codes(event.languages)
    except ValueError as error:
        raise DomainError(
            _("These are not language codes: %(codes)s") % {"codes": str(error)},
            field="languages",
        ) from error


def _check_place_and_time(event: Event) -> None:
    try:
        zoneinfo.ZoneInfo(event.time_zone)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError) as error:
        raise DomainError(_("Choose a valid time zone."), field="time_zone") from error
    if event.starts_at is None:
        raise DomainError(_("Give the start."), field="starts_at")
    if event.ends_at is None:
        raise DomainError(_("Give the end."), field="ends_at")
    if event.ends_at < event.starts_at or (event.all_day and event.ends_at == event.starts_at):
        raise DomainError(_("The end must not be before the start."), field="ends_at")
    if not (event.place_name or event.address or event.online_link):
        raise DomainError(_("Give a place, an address or an online link."), field="place_name")


def _validate(event: Event, *, new_image) -> None:
    """The rules every event obeys, whoever writes it; the first broken one is reported."""
    event.title = (event.title or "").strip()
    if not event.title:
        raise DomainError(_("Give the event a title."), field="title")
    if event.organiser_id is None:
        raise DomainError(_("Choose the organising organisation."), field="organiser")
    if event.organiser.network_id != event.network_id:
        raise DomainError(_("Choose the organising organisation."), field="organiser")
    _check_place_and_time(event)
    for field in LINK_FIELDS:
        value = getattr(event, field)
        limit = max_length_of(Event, field)
        setattr(event, field, check_web_link(value, field=field, max_length=limit))
    _check_choices(event)
    if new_image:
        check_image(new_image, field="image")
    if event.image and not (event.image_alt or "").strip():
        raise DomainError(_("Describe the image for people who cannot see it."), field="image_alt")
    if event.is_free:
        event.cost = ""
    check_lengths(Event, {name: getattr(event, name) for name in EVENT_FIELDS})
    event.exdates = list(event.exdates or [])
    check_recurrence(event)


def _apply(event: Event, data: dict) -> tuple[set[str], object]:
    """Copy the known fields of `data` onto the event; returns the changed names and new image."""
    changed = set()
    new_image = None
    for name in EVENT_FIELDS:
        if name not in data:
            continue
        value = data[name]
        if name == "image":
            if value is False:  # the form's "clear" box
                event.image = ""
                changed.add(name)
            elif value:
                new_image = value
                event.image = value
                changed.add(name)
            continue
        if value is None and name not in ("starts_at", "ends_at", "organiser"):
            value = "" if name not in ("audiences", "languages", "exdates") else []
        if getattr(event, name) != value:
            setattr(event, name, value)
            changed.add(name)
    return changed, new_image


def _save_translations(event: Event, translations: dict | None) -> None:
    for language, texts in (translations or {}).items():
        _translation_write(event, language, texts.get("title", ""), texts.get("description", ""))


# Submitting and editing -----------------------------------------------------------------


@transaction.atomic
def event_submit(*, network, actor, data: dict, translations: dict | None = None) -> Event:
    """Enter an event; published at once for coordinators and trusted organisations.

    `translations` maps a language code to {"title": …, "description": …}.
    """
    organiser = data.get("organiser")
    if organiser is not None and organiser.network_id != network.pk:
        raise DomainError(_("Choose the organising organisation."), field="organiser")
    _require_writer(actor, network, organiser)
    event = Event(network=network, submitted_by=actor if actor.is_authenticated else None)
    new_image = _apply(event, data)[1]
    _validate(event, new_image=new_image)
    if _publishes_directly(actor, network, organiser):
        event.status = Status.PUBLISHED
        event.moderated_by, event.moderated_at = actor, timezone.now()
        action = "event.publish"
    else:
        event.status = Status.SUBMITTED
        action = "event.submit"
    event.save()
    if translations:
        _save_translations(event, translations)
        search_index(event)  # saving the event indexed it before its translations existed
    audit_record(
        network=network,
        actor=actor,
        action=action,
        target=event,
        context=organiser,
        summary=event.get_status_display(),
    )
    return event


def _status_after_edit(event: Event, actor, changed: set[str]) -> str:
    if _publishes_directly(actor, event.network, event.organiser):
        if event.status == Status.REJECTED and not can(actor, event.network, "events.moderate"):
            return Status.PUBLISHED  # a trusted organisation corrected what was refused
        return event.status
    if event.status == Status.PUBLISHED and changed & set(TIME_AND_TITLE_FIELDS):
        return Status.SUBMITTED
    if event.status == Status.REJECTED:
        return Status.SUBMITTED  # corrected after a rejection: the moderator looks again
    return event.status


@transaction.atomic
def event_update(*, event: Event, actor, data: dict) -> Event:
    """Change an event; see the module docstring for when it goes back to moderation."""
    event = (
        Event.objects.select_for_update(of=("self",))
        .select_related("organiser", "network")
        .get(pk=event.pk)
    )
    network = event.network
    _require_writer(actor, network, event.organiser)
    new_organiser = data.get("organiser", event.organiser)
    if new_organiser is not None and new_organiser.pk != event.organiser_id:
        _require_writer(actor, network, new_organiser)
    previous = {name: getattr(event, name) for name in EVENT_FIELDS}
    changed, new_image = _apply(event, data)
    _validate(event, new_image=new_image)
    if not changed:
        return event
    changes = {name: (previous[name], getattr(event, name)) for name in sorted(changed)}
    if changed & set(TIME_AND_TITLE_FIELDS):
        event.sequence += 1
    before = event.status
    event.status = _status_after_edit(event, actor, changed)
    if event.status != before and event.status == Status.PUBLISHED:
        event.moderated_by, event.moderated_at = actor, timezone.now()
    event.save()
    summary = ", ".join(sorted(changed))
    if event.status != before:
        summary += f" ({before} → {event.status})"
        changes["status"] = (before, event.status)
    audit_record(
        network=network,
        actor=actor,
        action="event.update",
        target=event,
        context=event.organiser,
        summary=summary,
        changes=changes,
    )
    return event


# Moderation -----------------------------------------------------------------------------


def _mail_submitter(event: Event, template: str) -> None:
    """Tell the person who entered the event, in their language if the network offers it."""
    submitter = event.submitted_by
    if submitter is None or not submitter.email:
        return
    network = event.network
    language = submitter.preferred_language
    if language not in network.languages:
        language = network.default_language
    context = {
        "event": event,
        "network": network,
        "url": absolute_url(network_reverse(network, "eventcalendar:mine", lang=language)),
    }
    with timezone.override(zoneinfo.ZoneInfo(event.time_zone)):
        mail_send_later(
            to=submitter.email,
            template=MAIL_TEMPLATES + template,
            context=context,
            language=language,
        )


def _locked(event: Event) -> Event:
    return (
        Event.objects.select_for_update(of=("self",))
        .select_related("organiser", "network", "submitted_by")
        .get(pk=event.pk)
    )


@transaction.atomic
def event_approve(*, event: Event, actor) -> Event:
    event = _locked(event)
    _require_moderator(actor, event.network)
    if event.status not in (Status.SUBMITTED, Status.REJECTED):
        raise DomainError(_("Only events waiting for moderation can be approved."))
    event.status = Status.PUBLISHED
    event.rejection_reason = ""
    event.moderated_by, event.moderated_at = actor, timezone.now()
    event.save()
    audit_record(
        network=event.network,
        actor=actor,
        action="event.approve",
        target=event,
        context=event.organiser,
    )
    _mail_submitter(event, "event_approved")
    return event


@transaction.atomic
def event_reject(*, event: Event, actor, reason: str) -> Event:
    """Refuse an event; the reason is mailed to whoever entered it."""
    event = _locked(event)
    _require_moderator(actor, event.network)
    reason = (reason or "").strip()
    if not reason:
        raise DomainError(_("Say why the event is not published."), field="reason")
    if event.status != Status.SUBMITTED:
        raise DomainError(_("Only events waiting for moderation can be rejected."))
    event.status = Status.REJECTED
    event.rejection_reason = reason
    event.moderated_by, event.moderated_at = actor, timezone.now()
    event.save()
    audit_record(
        network=event.network,
        actor=actor,
        action="event.reject",
        target=event,
        context=event.organiser,
        summary=reason[:200],
    )
    _mail_submitter(event, "event_rejected")
    return event


@transaction.atomic
def event_cancel(*, event: Event, actor) -> Event:
    """Call an event off: it stays in the calendar, marked as cancelled."""
    event = _locked(event)
    _require_writer(actor, event.network, event.organiser)
    if event.status == Status.CANCELLED:
        raise DomainError(_("The event is cancelled already."))
    event.status = Status.CANCELLED
    event.sequence += 1  # subscribed calendars must see STATUS:CANCELLED as a new version
    event.save()
    audit_record(
        network=event.network,
        actor=actor,
        action="event.cancel",
        target=event,
        context=event.organiser,
    )
    return event


# Translations ---------------------------------------------------------------------------


def _translation_write(event: Event, language: str, title: str, description: str):
    """Create, change or (with both texts empty) remove one translation; returns what happened."""
    if language not in dict(settings.LANGUAGES):
        raise DomainError(_("Choose a language."), field="language")
    if language == event.original_language:
        raise DomainError(
            _("This is the language of the original text; change the event itself."),
            field="language",
        )
    title, description = (title or "").strip(), (description or "").strip()
    existing = EventTranslation.objects.filter(event=event, language=language).first()
    if not title and not description:
        if existing:
            existing.delete()
            return "delete", existing
        return None, None
    if not title:
        raise DomainError(_("Give the translated title."), field="title")
    check_lengths(EventTranslation, {"title": title})
    if existing is None:
        created = EventTranslation.objects.create(
            network=event.network,
            event=event,
            language=language,
            title=title,
            description=description,
        )
        return "create", created
    if (existing.title, existing.description) == (title, description):
        return None, existing
    title_changed = existing.title != title
    existing.title, existing.description = title, description
    existing.save()
    return ("update_title" if title_changed else "update"), existing


@transaction.atomic
def translation_save(*, event: Event, actor, language: str, title: str, description: str):
    """Save the event's title and description in one language; both empty removes it.

    A translated title is a title: from a member that does not publish directly, a new
    or changed one sends a published event back to moderation. The event is saved in any
    case: its updated_at dates the feeds (ETag, Last-Modified) and the save re-indexes it.
    """
    event = _locked(event)
    _require_writer(actor, event.network, event.organiser)
    what, translation = _translation_write(event, language, title, description)
    if what is None:
        return translation
    new_title = what in ("create", "update_title")
    if (
        new_title
        and event.status == Status.PUBLISHED
        and not _publishes_directly(actor, event.network, event.organiser)
    ):
        event.status = Status.SUBMITTED
        event.sequence += 1
    event.save(update_fields=["status", "sequence", "updated_at"])
    audit_record(
        network=event.network,
        actor=actor,
        action=f"event.translation_{what.split('_')[0]}",
        target=event,
        context=event.organiser,
        summary=language,
    )
    return translation

"""Registration for meetings and café sessions, the waiting list and its promotion.

Re-exported by services.py. Seats are counted inside a lock on the meeting's (or the
session's) row, so two people taking the last seat at once end up one confirmed and
one on the waiting list, never over capacity.
"""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from knotenpunkt.core.errors import DomainError
from knotenpunkt.core.policy import require_actor
from knotenpunkt.core.services import audit_record

from .ical import CANCEL, REQUEST
from .mail import mail_person
from .models import CafeSession, Meeting, Registration
from .selectors import current_organisation, registration_of
from .writes import actor_or_none, lock, registrations_of, when

CONFIRMED = Registration.Status.CONFIRMED
WAITLISTED = Registration.Status.WAITLISTED
CANCELLED = Registration.Status.CANCELLED


def _check_open(meeting: Meeting, item) -> None:
    """Registration is possible until the deadline (or the end) of a meeting that takes place."""
    now = timezone.now()
    if meeting.is_cancelled or item.is_cancelled:
        raise DomainError(_("This meeting has been cancelled."))
    if item.ends_at <= now:
        raise DomainError(_("This meeting is over."))
    deadline = meeting.registration_deadline
    if deadline is not None and now > deadline:
        raise DomainError(
            _("Registration closed on %(date)s.") % {"date": when(deadline, meeting.network)}
        )


def _check_no_overlap(session: CafeSession, person) -> None:
    """One person, one café session at a time: a seat or a waiting-list place (which may
    become a seat) in another session of the same time is refused. Sessions lie inside their
    meeting, whose row `_register` locks first, so two bookings at once cannot both pass."""
    clash = (
        Registration.objects.filter(
            network=session.network,
            person=person,
            session__starts_at__lt=session.ends_at,
            session__ends_at__gt=session.starts_at,
        )
        .exclude(session=session)
        .exclude(status=CANCELLED)
        .exclude(session__status=Meeting.Status.CANCELLED)
        .exclude(meeting__status=Meeting.Status.CANCELLED)
        .select_related("session")
        .first()
    )
    if clash is not None:
        other = clash.session
        raise DomainError(
            _(
                "%(name)s is booked for “%(title)s” at the same time (%(start)s to %(end)s). "
                "One person can take part in one café session at a time: cancel that booking "
                "first, or choose a session at another time."
            )
            % {
                "name": person.display_name,
                "title": other.title,
                "start": when(other.starts_at, session.network),
                "end": when(other.ends_at, session.network),
            },
            field="person",
        )


def _register(*, item, meeting: Meeting, person, actor, organisation) -> Registration:
    network = meeting.network
    if person.network_id != network.pk or person.is_erased:
        raise DomainError(_("Choose a person of this network."), field="person")
    # The meeting first, then the session: the order meeting_cancel locks them in.
    fresh_meeting = lock(meeting)
    locked = fresh_meeting if item is meeting else lock(item)
    _check_open(fresh_meeting, locked)
    active = registrations_of(locked).filter(person=person).exclude(status=CANCELLED).first()
    if active is not None:
        raise DomainError(
            _("%(name)s is registered already (%(status)s).")
            % {"name": person.display_name, "status": active.get_status_display()},
            field="person",
        )
    if item is not meeting:
        _check_no_overlap(locked, person)
    confirmed = registrations_of(locked).filter(status=CONFIRMED).count()
    has_seat = locked.capacity is None or confirmed < locked.capacity
    registration = Registration.objects.create(
        network=network,
        meeting=meeting,
        session=locked if item is not meeting else None,
        person=person,
        organisation=organisation or current_organisation(person=person),
        registered_by=actor_or_none(actor),
        status=CONFIRMED if has_seat else WAITLISTED,
    )
    audit_record(
        network=network,
        actor=actor,
        action="registration.confirm" if has_seat else "registration.waitlist",
        target=registration,
        context=meeting,
        summary=str(item),
    )
    context = {"item": item, "meeting": meeting, "registration": registration}
    if has_seat:
        mail_person(
            person=person,
            network=network,
            template="registration_confirmed",
            context=context,
            item=item,
            method=REQUEST,
        )
    else:
        context["position"] = registrations_of(locked).filter(status=WAITLISTED).count()
        mail_person(
            person=person,
            network=network,
            template="registration_waitlisted",
            context=context,
            item=item,
        )
    return registration


@transaction.atomic
def meeting_register(*, meeting: Meeting, person, actor, organisation=None) -> Registration:
    """A seat at the meeting, or a place on its waiting list when it is full."""
    require_actor(actor, meeting.network, "meetings.register", meeting)
    return _register(
        item=meeting, meeting=meeting, person=person, actor=actor, organisation=organisation
    )


@transaction.atomic
def session_register(*, session: CafeSession, person, actor, organisation=None) -> Registration:
    """A seat in a café session, or a place on its waiting list when it is full.

    The café is part of the plenary: whoever books a session and is not registered for the
    plenary is registered for it too (`plenary_registered` on the result says so). Without
    a confirmed plenary seat the booking is refused, as the session would be no use.
    """
    meeting = session.meeting
    require_actor(actor, session.network, "meetings.register", session)
    require_actor(actor, meeting.network, "meetings.register", meeting)
    plenary = registration_of(meeting=meeting, person=person)
    if plenary is None:
        plenary = _register(
            item=meeting, meeting=meeting, person=person, actor=actor, organisation=organisation
        )
        registered_now = True
    else:
        registered_now = False
    if plenary.status != CONFIRMED and registered_now:
        # Raised inside the transaction: the waiting-list place taken just now is undone too.
        raise DomainError(
            _(
                "%(name)s has no seat at the plenary meeting yet (it is full). Register for the "
                "plenary first; a café session can be booked once the seat is confirmed."
            )
            % {"name": person.display_name},
            field="person",
        )
    if plenary.status != CONFIRMED:
        raise DomainError(
            _(
                "%(name)s is on the waiting list of the plenary meeting; a café session can be "
                "booked once the plenary seat is confirmed."
            )
            % {"name": person.display_name},
            field="person",
        )
    registration = _register(
        item=session, meeting=meeting, person=person, actor=actor, organisation=organisation
    )
    registration.plenary_registered = registered_now
    return registration


def promote(item, *, meeting: Meeting, network, actor) -> list[Registration]:
    """Give free seats to the waiting list, first come first served, and tell each by mail."""
    if meeting.is_cancelled or item.is_cancelled or item.ends_at <= timezone.now():
        return []
    waiting = registrations_of(item).filter(status=WAITLISTED).order_by("created_at", "pk")
    if item.capacity is not None:
        free = item.capacity - registrations_of(item).filter(status=CONFIRMED).count()
        if free <= 0:
            return []
        waiting = waiting[:free]
    promoted = list(waiting.select_related("person__user"))
    now = timezone.now()
    for registration in promoted:
        registration.status = CONFIRMED
        registration.promoted_at = now
        registration.save(update_fields=["status", "promoted_at"])
        audit_record(
            network=network,
            actor=actor,
            action="registration.promote",
            target=registration,
            context=meeting,
            summary=str(item),
        )
        mail_person(
            person=registration.person,
            network=network,
            template="registration_promoted",
            context={"item": item, "meeting": meeting, "registration": registration},
            item=item,
            method=REQUEST,
        )
    return promoted


@transaction.atomic
def registration_cancel(*, registration: Registration, actor) -> Registration:
    """Give a seat back; the next person on the waiting list gets it and is told by mail."""
    require_actor(actor, registration.network, "meetings.cancel_registration", registration)
    meeting = registration.meeting
    network = meeting.network
    item = registration.session or meeting
    locked = lock(item)
    registration = Registration.objects.select_related("person__user").get(pk=registration.pk)
    if registration.status == CANCELLED:
        raise DomainError(_("This registration is cancelled already."))
    was_confirmed = registration.status == CONFIRMED
    registration.status = CANCELLED
    registration.cancelled_at = timezone.now()
    registration.save(update_fields=["status", "cancelled_at"])
    audit_record(
        network=network,
        actor=actor,
        action="registration.cancel",
        target=registration,
        context=meeting,
        summary=str(item),
    )
    if was_confirmed:
        # A higher SEQUENCE makes calendars apply the cancellation, and later accept a new
        # invitation should the person register again.
        locked.sequence += 1
        locked.save(update_fields=["sequence"])
        mail_person(
            person=registration.person,
            network=network,
            template="registration_cancelled",
            context={"item": locked, "meeting": meeting, "registration": registration},
            item=locked,
            method=CANCEL,
        )
        promote(locked, meeting=meeting, network=network, actor=actor)
    return registration

"""Writing voices: sending one (no account), routing, answering, closing, erasing a contact.

Every write is audited; mail goes after the commit, in the recipient's language: the
sender's status link and answers in the language they wrote in, a routed voice to the
group's current leads in theirs.
"""

import secrets

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from knotenpunkt.core.errors import DomainError
from knotenpunkt.core.mail import mail_send_later
from knotenpunkt.core.policy import require_actor
from knotenpunkt.core.services import audit_record
from knotenpunkt.core.urls_helpers import absolute_url, network_reverse
from knotenpunkt.core.validation import all_checks, check_email
from knotenpunkt.workinggroups.models import GroupMembership, WorkingGroup

from .audit import VoicesAuditKind as Kind
from .models import Voice, VoiceAnswer, VoiceTopic, token_hash
from .validation import (
    check_answer_text,
    check_consent,
    check_phone,
    check_sender_language,
    check_voice_text,
)

Status = Voice.Status
MAIL = "voices/mail/"

# Shown beside the checkbox and stored with the voice, in the language the sender saw.
CONSENT_TEXT = _(
    "I agree that the network may read my message, pass it on to a working group and use it "
    "without my name in its reports. If I gave an e-mail address or phone number, the network "
    "may use it to answer me. I can ask for my contact to be deleted at any time."
)


def status_link(voice: Voice, token: str) -> str:
    """The sender's status page, in the language they wrote in."""
    path = network_reverse(voice.network, "voices:status", lang=voice.language, voice_token=token)
    return absolute_url(path)


def voice_checks(*, network, topic, text, language, contact_email, contact_phone, consent):
    """Every rule of a new voice at once (the form shows them together)."""
    with all_checks() as check:
        check(check_voice_text, text)
        check(check_sender_language, language)
        check(check_email, contact_email, field="contact_email")
        check(check_phone, contact_phone)
        check(check_consent, consent)
        if topic is None or topic.network_id != network.pk:
            check.refuse(_("Choose one of the topics offered."), field="topic")


@transaction.atomic
def voice_submit(
    *,
    network,
    topic: VoiceTopic,
    text: str,
    language: str,
    consent: bool,
    contact_email: str = "",
    contact_phone: str = "",
) -> tuple[Voice, str]:
    """A voice from the public form: (the voice, its status token — shown once, never stored)."""
    text, contact_email, contact_phone = text.strip(), contact_email.strip(), contact_phone.strip()
    voice_checks(
        network=network,
        topic=topic,
        text=text,
        language=language,
        contact_email=contact_email,
        contact_phone=contact_phone,
        consent=consent,
    )
    token = secrets.token_urlsafe(32)
    voice = Voice.objects.create(
        network=network,
        topic=topic,
        text=text,
        language=language,
        contact_email=contact_email,
        contact_phone=contact_phone,
        consent_text=str(CONSENT_TEXT),
        token_hash=token_hash(token),
    )
    audit_record(network=network, actor=None, action=Kind.VOICE_RECEIVE, target=voice)
    if contact_email:
        mail_send_later(
            to=contact_email,
            template=MAIL + "received",
            context={"network": network, "link": status_link(voice, token)},
            language=language,
        )
    return voice, token


def _locked(voice: Voice) -> Voice:
    return Voice.objects.select_for_update(of=("self",)).select_related("network").get(pk=voice.pk)


@transaction.atomic
def voice_route(*, voice: Voice, group: WorkingGroup, actor) -> Voice:
    """Pass the voice on to a working group; its current leads get a mail in their language."""
    network = voice.network
    require_actor(actor, network, "voices.triage", voice)
    voice = _locked(voice)
    if group is None or group.network_id != network.pk:
        raise DomainError(_("Choose one of the network's working groups."), field="group")
    if voice.status == Status.CLOSED:
        raise DomainError(_("This voice is closed."), field=None)
    before = voice.group_id
    voice.group = group
    voice.routed_at = timezone.now()
    if voice.status == Status.NEW:
        voice.status = Status.ROUTED
    voice.save(update_fields=["group", "routed_at", "status"])
    audit_record(
        network=network,
        actor=actor,
        action=Kind.VOICE_ROUTE,
        target=voice,
        changes={"group": (before, group.pk)},
    )
    leads = GroupMembership.objects.filter(
        network=network, group=group, is_lead=True, left_on__isnull=True
    ).select_related("person__user")
    for membership in leads:
        person = membership.person
        if not person.email or person.is_erased:
            continue
        language = person.mail_language(network)
        mail_send_later(
            to=person.email,
            template=MAIL + "routed",
            context={
                "network": network,
                "group": group,
                "voice": voice,
                "link": absolute_url(
                    network_reverse(network, "voices:detail", lang=language, voice_id=voice.pk)
                ),
            },
            language=language,
        )
    return voice


@transaction.atomic
def voice_answer(*, voice: Voice, text: str, actor) -> VoiceAnswer:
    """An answer the sender reads on the status page (and by mail, if they gave an address)."""
    network = voice.network
    require_actor(actor, network, "voices.answer", voice)
    text = check_answer_text(text)
    voice = _locked(voice)
    if voice.status == Status.CLOSED:
        raise DomainError(_("This voice is closed."), field=None)
    now = timezone.now()
    answer = VoiceAnswer.objects.create(
        network=network, voice=voice, text=text, author=actor if actor else None
    )
    voice.status = Status.ANSWERED
    voice.first_answered_at = voice.first_answered_at or now
    voice.save(update_fields=["status", "first_answered_at"])
    audit_record(network=network, actor=actor, action=Kind.VOICE_ANSWER, target=voice)
    if voice.contact_email:
        mail_send_later(
            to=voice.contact_email,
            template=MAIL + "answered",
            context={"network": network, "answer": answer},
            language=voice.language,
        )
    return answer


@transaction.atomic
def voice_close(*, voice: Voice, actor) -> Voice:
    network = voice.network
    require_actor(actor, network, "voices.triage", voice)
    voice = _locked(voice)
    if voice.status == Status.CLOSED:
        return voice
    before = voice.status
    voice.status = Status.CLOSED
    voice.closed_at = timezone.now()
    voice.save(update_fields=["status", "closed_at"])
    audit_record(
        network=network,
        actor=actor,
        action=Kind.VOICE_CLOSE,
        target=voice,
        changes={"status": (before, voice.status)},
    )
    return voice


@transaction.atomic
def voice_contact_erase(*, voice: Voice, actor) -> Voice:
    """Forget the sender's address and number (on their request); the voice itself stays."""
    network = voice.network
    require_actor(actor, network, "voices.triage", voice)
    voice = _locked(voice)
    if not voice.has_contact:
        return voice
    voice.contact_email = ""
    voice.contact_phone = ""
    voice.contact_erased_at = timezone.now()
    voice.save(update_fields=["contact_email", "contact_phone", "contact_erased_at"])
    audit_record(network=network, actor=actor, action=Kind.VOICE_CONTACT_ERASE, target=voice)
    return voice

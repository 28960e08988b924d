"""Mails about meetings: in the recipient's language and the network's time zone.

Invitations carry an .ics part, which core.mail (plain text only) cannot; they go through
this app's own task, enqueued on commit like every other mail.
"""

from django.db import transaction
from django.utils import timezone, translation

from knotenpunkt.core.mail import mail_send_later, render_mail

from . import ical
from .tasks import send_calendar_mail_task

TEMPLATES = "meetings/mail/"


def language_for(person, network) -> str:
    """The person's own language if the network offers it, else the network's default."""
    return person.mail_language(network)


def mail_person(
    *, person, network, template: str, context: dict, item=None, method: str | None = None
) -> None:
    """Mail a person (nobody without an address) after commit.

    `item` (a meeting or café session) adds its page address; `method` (REQUEST or CANCEL)
    attaches it as an iTIP .ics invitation or cancellation.
    """
    if not person.email:
        return
    language = language_for(person, network)
    context = {"person": person, "network": network, **context}
    if item is not None:
        context["url"] = ical.item_url(item, language=language)
    template = TEMPLATES + template
    with timezone.override(network.tz):
        if method is None:
            mail_send_later(to=person.email, template=template, context=context, language=language)
            return
        with translation.override(language):
            subject, body = render_mail(template, context)
    ics = ical.invitation(item, person=person, method=method, language=language)
    to = [person.email]
    transaction.on_commit(
        lambda: send_calendar_mail_task.enqueue(
            to=to, subject=subject, body=body, ics=ics, method=method
        )
    )

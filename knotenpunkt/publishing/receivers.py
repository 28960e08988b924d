"""Placeholder imprint, privacy and accessibility pages for a new network, to be filled in."""

from django.dispatch import receiver
from django.utils import translation
from django.utils.translation import gettext as _

from knotenpunkt.core.signals import network_created

from .models import StaticPage, StaticPageTranslation
from .selectors import STANDARD_TITLES


def _starter_pages(network):
    contact = network.contact_email or _("(contact e-mail)")
    body = network.coordinating_body or _("(coordinating body)")
    return [
        (
            "imprint",
            _(STANDARD_TITLES["imprint"]),
            _(
                "**%(name)s**\n\nCoordinated by %(body)s.\n\nContact: %(contact)s\n\n"
                "*This imprint is a placeholder: the coordinator completes it.*"
            )
            % {"name": network.name, "body": body, "contact": contact},
        ),
        (
            "privacy",
            _(STANDARD_TITLES["privacy"]),
            _(
                "This network stores only the personal data needed to run it, with consent. "
                "You can download or have erased your data at any time. Contact: %(contact)s\n\n"
                "*This privacy statement is a placeholder: the coordinator completes it.*"
            )
            % {"contact": contact},
        ),
        (
            "accessibility",
            _(STANDARD_TITLES["accessibility"]),
            _(
                "We aim to meet WCAG 2.1 level AA on every page. If something does not work "
                "for you, write to %(contact)s and we will help."
            )
            % {"contact": contact},
        ),
    ]


@receiver(network_created)
def add_starter_pages(sender, network, **kwargs):
    language = network.default_language
    with translation.override(language):
        for position, (slug, title, text) in enumerate(_starter_pages(network)):
            page = StaticPage.objects.create(network=network, slug=slug, position=position)
            StaticPageTranslation.objects.create(
                network=network, page=page, language=language, title=title, body=text
            )

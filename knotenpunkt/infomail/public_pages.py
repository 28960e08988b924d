"""The info mail's public archive for sitemap.xml (core/public_pages.py)."""

from knotenpunkt.core.urls_helpers import network_reverse

from .models import Mailing


def archive_pages(network, languages):
    sent = list(
        Mailing.objects.filter(network=network, status=Mailing.Status.SENT).values_list(
            "pk", "sent_at"
        )
    )
    for language in languages:
        yield network_reverse(network, "infomail:subscribe", lang=language), None
        yield network_reverse(network, "infomail:archive", lang=language), None
        for pk, sent_at in sent:
            url = network_reverse(network, "infomail:archive_issue", lang=language, mailing_id=pk)
            yield url, sent_at

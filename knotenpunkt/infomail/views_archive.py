"""The public archive of the info mail: every sent issue, in the reader's language if it has one.

An issue is shown as it was sent (`MailingVersion.sent_html`, frozen when sending began), so
that the archive keeps what readers received even when the calendar has changed since. The
sent HTML is shown in a sandboxed frame: it is a whole mail document with its own styles and
direction, and the sandbox keeps anything in it from acting on the page.
"""

from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import get_language

from knotenpunkt.core.languages import language_name
from knotenpunkt.core.policy import public
from knotenpunkt.core.views_helpers import paginate

from . import compose
from .forms_mailings import LanguageForm
from .message import archive_copy
from .selectors import archive_issue as archive_issue_get
from .selectors import archive_list, version_in


def _as_sent(mailing, version) -> tuple[str, str]:
    """The frozen HTML and text; an issue sent before they were kept is rendered again as of
    the day it was sent (its blocks then show what the network holds for that day now)."""
    if version.sent_html:
        return version.sent_html, version.sent_text
    day = timezone.localdate(mailing.sent_at, mailing.network.tz) if mailing.sent_at else None
    rendered = compose.mailing_render(version, today=day)
    return rendered.html, rendered.text


@public
def archive(request):
    language = get_language()
    page = paginate(request, archive_list(network=request.network))
    entries = [(mailing, version_in(mailing, language)) for mailing in page]
    context = {"page": page, "entries": entries, "language": language}
    return render(request, "infomail/archive/list.html", context)


@public
def archive_issue(request, mailing_id):
    network = request.network
    mailing = archive_issue_get(network=network, mailing_id=mailing_id)
    form = LanguageForm(request.GET or None, mailing=mailing)
    language = form.cleaned_data["language"] if form.is_valid() else get_language()
    version = version_in(mailing, language)
    sent_html, sent_text = _as_sent(mailing, version) if version else ("", "")
    shown_in = version.language if version else language
    context = {
        "mailing": mailing,
        "version": version,
        # Nobody's own links in a page for everyone: they lead to the sign-up page.
        "html": archive_copy(sent_html, network=network, language=shown_in),
        "text": archive_copy(sent_text, network=network, language=shown_in),
        "others": [
            (other.language, language_name(other.language), other.subject)
            for other in mailing.versions.all()
            if other != version
        ],
    }
    return render(request, "infomail/archive/issue.html", context)

"""The reminder mail's one-click "still correct" page (no login; docs/decisions/0031-*.md).

GET only shows the offer and a button, POST confirms: mail scanners and link previews open
every link in a mail, and must not confirm an offer nobody looked at. A link that is forged,
expired, used or another network's is a plain 404 that tells nothing about any offer.
"""

from django.http import Http404
from django.shortcuts import render
from django.views.decorators.http import require_http_methods

from knotenpunkt.core.policy import public

from .confirm_links import confirm_token_read
from .services import service_confirm


@public
@require_http_methods(["GET", "HEAD", "POST"])
def confirm(request, offer_token):
    service = confirm_token_read(request.network, offer_token)
    if service is None:
        raise Http404
    if request.method == "POST":
        service = service_confirm(service=service, actor=None)
        return render(request, "offers/confirm/done.html", {"service": service})
    return render(request, "offers/confirm/ask.html", {"service": service})

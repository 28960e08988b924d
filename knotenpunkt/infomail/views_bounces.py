"""The coordinator's pages about returned mail: suspended addresses, recent bounces, and,
on a development or demo installation, the mails the local sink caught.

The services decide (services_bounces); these pages only ask them and show the answer.
"""

from django.conf import settings
from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from knotenpunkt.core.errors import DomainError
from knotenpunkt.core.params import query_text
from knotenpunkt.core.policy import requires
from knotenpunkt.core.urls_helpers import network_reverse
from knotenpunkt.core.views_helpers import done, paginate

from . import services_bounces
from .mail_sink import caught_mail_text, caught_mails
from .selectors_bounces import bounces_recent, subscriber_get, suspended_subscribers


def _subscriber(request, subscriber_id, **_language):
    return subscriber_get(network=request.network, subscriber_id=subscriber_id)


@requires("infomail.manage")
def bounces(request):
    context = {
        "page": paginate(request, suspended_subscribers(network=request.network)),
        "recent": bounces_recent(network=request.network),
        "sink_shown": settings.DEBUG,
    }
    return render(request, "infomail/bounces/list.html", context)


@require_POST
@requires("infomail.manage", obj=_subscriber)
def subscriber_reactivate(request, subscriber_id, obj):
    back = network_reverse(request.network, "infomail:bounces")
    try:
        services_bounces.subscriber_reactivate(subscriber=obj, actor=request.user)
    except DomainError as error:
        messages.error(request, error.message)
        return redirect(back)
    message = _("%(email)s gets the info mail again.") % {"email": obj.email}
    return done(request, message, back)


@requires("infomail.manage")
def caught(request):
    """What the local sink caught: every mail of the installation, so only with DEBUG on."""
    if not settings.DEBUG:
        raise Http404
    opened = None
    if key := query_text(request, "mail"):
        opened = caught_mail_text(key)
        if opened is None:
            raise Http404
    context = {"mails": caught_mails(), "opened": opened}
    return render(request, "infomail/bounces/caught.html", context)

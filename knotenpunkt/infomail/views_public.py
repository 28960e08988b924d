"""The public subscriber pages: signing up, confirming, one's preferences and leaving.

None needs a login: a sign-up is confirmed by a signed link, preferences and leaving are
reached by the subscriber's token from every mail. A link that no longer works (expired,
unknown, another network's) gets a page that says so and offers to sign up again, with 404
for a link that names nothing, never an error.
"""

import datetime

from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_safe

from knotenpunkt.core import spam
from knotenpunkt.core.errors import DomainError
from knotenpunkt.core.policy import public
from knotenpunkt.core.urls_helpers import network_reverse
from knotenpunkt.core.views_helpers import attempt

from . import services_subscribers as services
from .forms_subscribers import PreferencesForm, SignUpForm
from .models import ConsentEvent, Subscriber
from .selectors_subscribers import privacy_link, subscriber_by_token

# What a mail client posts for RFC 8058 one-click unsubscribing.
ONE_CLICK_BODY = ("List-Unsubscribe", "One-Click")
# Sign-ups one address may send in an hour (a family or an office shares an address).
SIGN_UPS_PER_HOUR = 20


def _link_unknown(request, *, expired=False):
    context = {"expired": expired}
    return render(request, "infomail/public/link_unknown.html", context, status=404)


def _subscriber_or_page(request, subscriber_token):
    try:
        return subscriber_by_token(network=request.network, token=subscriber_token), None
    except Http404:
        return None, _link_unknown(request)


@public
@require_http_methods(["GET", "HEAD", "POST"])
@spam.rate_limit("infomail.subscribe", limit=SIGN_UPS_PER_HOUR, period=datetime.timedelta(hours=1))
def subscribe(request):
    """`…/mail/subscribe/`: address, language and topics; the confirmation link comes by mail."""
    network = request.network
    form = SignUpForm(request.POST or None, network=network)

    def save():
        services.subscriber_request(network=network, request=request, **form.values())
        return True  # the same answer for every address

    if (
        request.method == "POST"
        and not spam.trapped(request, form)
        and form.is_valid()
        and attempt(form, save)
    ):
        return redirect(network_reverse(network, "infomail:subscribe_sent"))
    context = {
        "form": form,
        "consent_text": services.CONSENT_TEXT,
        "privacy_url": privacy_link(network),
    }
    return render(request, "infomail/public/subscribe.html", context)


@public
@require_safe
def subscribe_sent(request):
    """The same page after every sign-up: it tells nobody whether the address was known."""
    return render(request, "infomail/public/subscribe_sent.html")


@public
@require_safe
def confirm(request, confirmation):
    """`…/mail/confirm/<signed value>/`: following the mailed link confirms the sign-up."""
    try:
        subscriber = services.subscriber_confirm(confirmation=confirmation, request=request)
    except DomainError as error:
        return _link_unknown(request, expired=error.field == "expired")
    context = {"subscriber": subscriber, "preferences_token": subscriber.token}
    return render(request, "infomail/public/confirmed.html", context)


@public
@require_http_methods(["GET", "HEAD", "POST"])
def preferences(request, subscriber_token):
    """`…/mail/preferences/<token>/`: language and topics, and the way to leave."""
    subscriber, page = _subscriber_or_page(request, subscriber_token)
    if page:
        return page
    initial = {"language": subscriber.language, "topics": [t.pk for t in subscriber.topics.all()]}
    form = PreferencesForm(request.POST or None, network=request.network, initial=initial)
    saved = False
    if request.method == "POST" and "leave" in request.POST:
        services.subscriber_unsubscribe(
            subscriber=subscriber, method=ConsentEvent.Method.PREFERENCES, request=request
        )
        return render(request, "infomail/public/unsubscribed.html", {"subscriber": subscriber})
    if request.method == "POST" and form.is_valid():
        saved = bool(
            attempt(
                form,
                lambda: services.subscriber_preferences_change(
                    subscriber=subscriber, request=request, **form.values()
                ),
            )
        )
    context = {"subscriber": subscriber, "form": form, "saved": saved}
    return render(request, "infomail/public/preferences.html", context)


@public
@csrf_exempt  # mail clients post RFC 8058's one-click body without any cookie
@require_http_methods(["GET", "HEAD", "POST"])
def unsubscribe(request, subscriber_token):
    """`…/mail/unsubscribe/<token>/`: GET asks, POST leaves at once (no login, no cookie)."""
    subscriber, page = _subscriber_or_page(request, subscriber_token)
    if page:
        return page
    if request.method == "POST":
        one_click = request.POST.get(ONE_CLICK_BODY[0]) == ONE_CLICK_BODY[1]
        subscriber = services.subscriber_unsubscribe(
            subscriber=subscriber,
            method=ConsentEvent.Method.ONE_CLICK,
            request=request,
            proof={"link": "unsubscribe", "from_mail_client": one_click},
        )
        return render(request, "infomail/public/unsubscribed.html", {"subscriber": subscriber})
    left = subscriber.status == Subscriber.Status.UNSUBSCRIBED
    context = {"subscriber": subscriber, "left": left, "title": _("Leave the info mail")}
    return render(request, "infomail/public/unsubscribe.html", context)

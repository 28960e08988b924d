"""The personal calendar feed: its secret address, and the feed itself (outside the workspace).

Calendar programs fetch the feed without logging in, so the token in the address is the
only key; it can be replaced or revoked at any time.
"""

import datetime

from django.http import HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe
from django_scopes import scope

from knotenpunkt.core.models import Network
from knotenpunkt.core.policy import public, requires
from knotenpunkt.core.urls_helpers import absolute_url, network_reverse
from knotenpunkt.core.views_helpers import done

from . import ical, services
from .selectors import active_feed_token, feed_token_resolve, person_of_user, personal_feed_items
from .views import VIEW

# Past meetings stay in the feed for a while, so calendars keep recent history.
FEED_PAST_DAYS = 180


def feed_url(network, feed_token) -> str:
    return absolute_url(
        reverse(
            "meetings_personal_feed",
            kwargs={"network_slug": network.slug, "token": feed_token.token},
        )
    )


@requires(VIEW)
def feed_settings(request):
    """Show the user's feed address; POST `create` makes a new one, `revoke` ends it."""
    network = request.network
    person = person_of_user(user=request.user, network=network)
    feed_token = active_feed_token(person=person) if person else None
    if request.method == "POST" and person is not None:
        page = network_reverse(network, "meetings:feed")
        if request.POST.get("action") == "revoke" and feed_token is not None:
            services.feed_token_revoke(feed_token=feed_token, actor=request.user)
            return done(request, _("The feed address no longer works."), page)
        if request.POST.get("action") == "create":
            services.feed_token_create(person=person, actor=request.user)
            return done(request, _("Your new feed address is ready."), page)
    context = {
        "person": person,
        "feed_token": feed_token,
        "url": feed_url(network, feed_token) if feed_token else "",
    }
    return render(request, "meetings/feed_settings.html", context)


@public
@require_safe
def personal_feed(request, network_slug, token):
    """`/feeds/<network>/me/<token>.ics`: the person's confirmed meetings and café sessions."""
    network = get_object_or_404(Network, slug=network_slug, is_active=True)
    with scope(network=network):
        feed_token = feed_token_resolve(network=network, token=token)
        since = timezone.now() - datetime.timedelta(days=FEED_PAST_DAYS)
        items = personal_feed_items(person=feed_token.person, since=since)
        body = ical.feed(
            items,
            name=f"{network.name}: {feed_token.person.display_name}",
            language=network.default_language,
        )
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Cache-Control"] = "private, max-age=900"
    response["X-Robots-Tag"] = "noindex"
    return response

"""`/feeds/<network>/events.ics` and `events.rss`: the public calendar for other programs.

Feed readers poll often, so both answer conditional requests: the ETag covers the network's
public events, the filters in the address and the day (the RSS window moves with time).
"""

import datetime
import hashlib

from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import override
from django.views.decorators.http import condition, require_safe
from django_scopes import scope

from knotenpunkt.core.models import Network
from knotenpunkt.core.policy import public
from knotenpunkt.core.urls_helpers import absolute_url, network_reverse

from . import feeds, selectors
from .filters import EventFilterForm

# Subscribers keep recent history; the RSS feed looks ahead and stays short.
ICS_PAST_DAYS = 90
RSS_DAYS = 90
RSS_MAX_ITEMS = 100
CACHE_CONTROL = "public, max-age=900"


def _network(network_slug: str) -> Network:
    return get_object_or_404(Network, slug=network_slug, is_active=True)


def _language(request, network) -> str:
    language = request.GET.get("lang", "")
    return language if language in network.languages else network.default_language


def _filters(request, network) -> selectors.EventFilters:
    data = request.GET or None
    return EventFilterForm(data, network=network, with_choices=False).filters()


def _validators(request, network_slug: str) -> tuple[str, datetime.datetime | None]:
    """(ETag, Last-Modified) of a feed request, computed once per request."""
    cached = getattr(request, "_feed_validators", None)
    if cached is None:
        network = _network(network_slug)
        with scope(network=network):
            latest, count = selectors.public_events_last_change(network=network)
        query = sorted(request.GET.lists())
        key = "|".join(
            str(part)
            for part in (request.path, network.pk, latest, count, query, timezone.localdate())
        )
        cached = (hashlib.sha256(key.encode()).hexdigest()[:32], latest)
        request._feed_validators = cached
    return cached


def _etag(request, network_slug):
    return _validators(request, network_slug)[0]


def _last_modified(request, network_slug):
    return _validators(request, network_slug)[1]


def _cacheable(response: HttpResponse) -> HttpResponse:
    response["Cache-Control"] = CACHE_CONTROL
    return response


@public
@require_safe
@condition(etag_func=_etag, last_modified_func=_last_modified)
def events_ics(request, network_slug):
    """Every public event (recurring ones with their rule), filtered like the calendar list."""
    network = _network(network_slug)
    language = _language(request, network)
    with scope(network=network), override(language):
        since = timezone.now() - datetime.timedelta(days=ICS_PAST_DAYS)
        events = selectors.feed_events(
            network=network, since=since, filters=_filters(request, network)
        )
        name = _("Events of %(network)s") % {"network": network.name}
        body = feeds.calendar(events, network=network, language=language, name=name)
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    return _cacheable(response)


@public
@require_safe
@condition(etag_func=_etag, last_modified_func=_last_modified)
def events_rss(request, network_slug):
    """The coming occurrences (RSS 2.0), one item per date."""
    network = _network(network_slug)
    language = _language(request, network)
    with scope(network=network), override(language):
        now = timezone.now()
        items = selectors.published_occurrences(
            network=network,
            start=now,
            end=now + datetime.timedelta(days=RSS_DAYS),
            filters=_filters(request, network),
        )[:RSS_MAX_ITEMS]
        body = feeds.rss(
            items,
            network=network,
            language=language,
            title=_("Events of %(network)s") % {"network": network.name},
            link=absolute_url(network_reverse(network, "eventcalendar:calendar", lang=language)),
            feed_url=absolute_url(
                reverse("eventcalendar_feeds:rss", kwargs={"network_slug": network.slug})
            ),
        )
    response = HttpResponse(body, content_type="application/rss+xml; charset=utf-8")
    return _cacheable(response)

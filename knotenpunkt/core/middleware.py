"""Resolves `/<lang>/<network>/…`: the network, its scope, the page language and time zone."""

import re

from django.conf import settings
from django.http import Http404
from django.utils import timezone, translation
from django_scopes import scope

from .models import Network

NETWORK_PATH = re.compile(r"^/(?P<lang>[a-z]{2})/(?P<network>[-a-zA-Z0-9_]+)(?:/|$)")
LANGUAGE_CODES = {code for code, _name in settings.LANGUAGES}


class NetworkMiddleware:
    """Every query made while serving a network page is limited to that network."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.network = None
        match = NETWORK_PATH.match(request.path_info)
        if not match:
            return self.get_response(request)
        lang, slug = match["lang"], match["network"]
        if lang not in LANGUAGE_CODES:
            raise Http404("unknown language")
        try:
            # A network the operator deactivated answers like one that never existed.
            network = Network.objects.get(slug=slug, is_active=True)
        except Network.DoesNotExist:
            raise Http404("unknown network") from None
        if lang not in network.languages:
            raise Http404("unknown network or language")
        request.network = network
        translation.activate(lang)
        request.LANGUAGE_CODE = lang
        # Dates and times are stored in UTC and shown in the network's own time zone.
        timezone.activate(network.tz)
        try:
            with scope(network=network):
                response = self.get_response(request)
        finally:
            timezone.deactivate()
        response.headers.setdefault("Content-Language", lang)
        return response

    def process_view(self, request, view_func, view_args, view_kwargs):
        # The URL carries lang and network for every network page; views get them
        # from request.network and the active language instead.
        if request.network is not None:
            view_kwargs.pop("lang", None)
            view_kwargs.pop("network", None)

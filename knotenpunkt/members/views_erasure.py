"""The coordination's list of requests for erasure that people sent from their account page."""

from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from knotenpunkt.core.errors import DomainError
from knotenpunkt.core.policy import requires
from knotenpunkt.core.urls_helpers import network_reverse
from knotenpunkt.core.views_helpers import done

from . import services
from .selectors import erasure_request_get, erasure_requests_list


@requires("people.erase")
def erasure_requests(request):
    context = {"requests": erasure_requests_list(network=request.network)}
    return render(request, "members/erasure_requests.html", context)


@require_POST
@requires("people.erase")
def erasure_request_carry_out(request, request_id):
    """Erase what the network holds about the requester; then show where texts still name them."""
    network = request.network
    erasure_request = erasure_request_get(network=network, request_id=request_id)
    list_url = network_reverse(network, "members:erasure_requests")
    try:
        persons = services.erasure_request_carry_out(request=erasure_request, actor=request.user)
    except DomainError as error:
        context = {"requests": erasure_requests_list(network=network), "error": error.message}
        return render(request, "members/erasure_requests.html", context, status=409)
    if persons:
        person_url = network_reverse(network, "members:person_detail", person_id=persons[0].pk)
        return done(
            request, _("The request was carried out: the personal data was erased."), person_url
        )
    return done(
        request, _("The request was carried out: the account's roles here have ended."), list_url
    )

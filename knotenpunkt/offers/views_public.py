"""The public directory of offers: anyone may search it, open an offer and compare courses."""

from django.http import Http404
from django.shortcuts import render
from django.utils.translation import get_language
from django.views.decorators.http import require_safe

from knotenpunkt.core.params import parse_id
from knotenpunkt.core.policy import public
from knotenpunkt.core.views_helpers import paginate

from . import selectors_public as selectors
from .filters import OfferFilterForm

PAGE_SIZE = 20


@public
@require_safe
def directory(request):
    """`…/offers/`: search and filters; equally relevant offers in the day's fair order."""
    network = request.network
    form = OfferFilterForm(request.GET or None, network=network)
    filters = form.filters()
    page = paginate(request, selectors.directory(network, filters), PAGE_SIZE)
    page.object_list = selectors.offers_of(page.object_list, network, get_language())
    context = {"form": form, "filters": filters, "page": page}
    return render(request, "offers/public/directory.html", context)


@public
@require_safe
def detail(request, service_id: int):
    offer = selectors.offer(request.network, service_id, get_language())
    if offer is None:
        raise Http404("no listed offer of this network")
    return render(request, "offers/public/offer.html", {"offer": offer})


@public
@require_safe
def compare(request):
    """`…/offers/compare/?id=…&id=…`: two to four offers side by side (a GET form, no script)."""
    ids = [number for number in map(parse_id, request.GET.getlist("id")[:20]) if number]
    offers = selectors.compared(request.network, ids, get_language())
    context = {
        "offers": offers,
        "enough": len(offers) >= selectors.MIN_COMPARED,
        "too_many": len(set(ids)) > selectors.MAX_COMPARED,
    }
    return render(request, "offers/public/compare.html", context)

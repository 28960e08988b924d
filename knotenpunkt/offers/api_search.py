"""The API's `search` parameter finds what the directory's search box finds.

One rule for both (`offers/search.py`: the network's full-text index, tolerant of diacritics,
compounds and word forms), so an app reading the API and a visitor of the directory get the
same offers for the same words. The API keeps its own order (HSDS lists are stable pages);
only the directory shows the fair daily order.
"""

from django.db.models import QuerySet

from .models import Service
from .search import matching


def search_services(network, services: QuerySet[Service], text: str) -> QuerySet[Service]:
    """The services among `services` that match `text`."""
    return matching(network, text, services)

"""The API's `search` parameter: one function, so that it can follow the directory's search.

Until the directory's full-text search (`offers/search.py`) serves the API as well, a
case-insensitive match over the offer's name, description and organisation name, in the
original language and in its translations, answers the question.
"""

from django.db.models import Exists, OuterRef, Q, QuerySet

from .models import Service, ServiceTranslation


def search_services(services: QuerySet[Service], text: str) -> QuerySet[Service]:
    """The services among `services` that match `text`."""
    translated = ServiceTranslation.objects.filter(service=OuterRef("pk")).filter(
        Q(name__icontains=text) | Q(description__icontains=text)
    )
    return services.filter(
        Q(name__icontains=text)
        | Q(description__icontains=text)
        | Q(organization__name__icontains=text)
        | Exists(translated)
    )

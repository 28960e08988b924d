"""The lookups behind the searchable pickers: the matching options as one types (htmx)."""

from django.views.decorators.http import require_GET

from knotenpunkt.core.lookups import lookup_response
from knotenpunkt.core.policy import requires


@require_GET
@requires("people.pick")
def person_lookup(request):
    return lookup_response(request, "people")


@require_GET
@requires("organisations.pick")
def organisation_lookup(request):
    return lookup_response(request, "organisations")

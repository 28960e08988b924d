"""People and organisations for the searchable pickers of every app's forms (core/lookups.py)."""

from knotenpunkt.core import lookups

from .forms import person_choice_label
from .models import Organisation
from .selectors import persons_for_choice

lookups.register(
    "people",
    url_name="members:person_lookup",
    choices=lambda network: persons_for_choice(network=network),
    search_fields=("full_name", "email"),
    label=person_choice_label,
)
lookups.register(
    "organisations",
    url_name="members:organisation_lookup",
    choices=lambda network: Organisation.objects.filter(network=network).order_by("name", "pk"),
    search_fields=("name", "city"),
    label=lambda organisation: organisation.name,
)

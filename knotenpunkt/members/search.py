"""Organisations in the network's search (imported from MembersConfig.ready()).

An organisation is found by the coordinator and the city liaison, the roles that may open
its page in the member management; the public directory has its own filter.
"""

from django.utils.translation import gettext_lazy as _

from knotenpunkt.core import search

from .models import Organisation


def organisation_document(organisation: Organisation) -> search.Document:
    place = " ".join(part for part in (organisation.postal_code, organisation.city) if part)
    facts = [
        organisation.kind.name,  # stored in the network's language, unlike the label
        organisation.street,
        place,
        organisation.email,
        organisation.website,
        organisation.description,
    ]
    return search.Document(
        title=organisation.name,
        body="\n".join(fact for fact in facts if fact),
        url=search.network_path("members:organisation_detail", organisation_id=organisation.pk),
        visibility=search.COORDINATOR,
        place=organisation.city,
    )


search.register(
    Organisation,
    organisation_document,
    queryset=lambda network: Organisation.objects.filter(network=network).select_related("kind"),
    label=_("Organisation"),
)

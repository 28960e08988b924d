"""Working groups in the network's search (imported from WorkingGroupsConfig.ready()).

Everybody with a role may open a group's page, so a group is found network-wide: by its
name and by the words of its mandate.
"""

from django.utils.translation import gettext_lazy as _

from knotenpunkt.core import search

from .models import WorkingGroup


def group_document(group: WorkingGroup) -> search.Document:
    return search.Document(
        title=group.name,
        body=search.markdown_to_text(group.mandate),
        url=search.network_path("workinggroups:detail", group_slug=group.slug),
        visibility=search.NETWORK,
    )


search.register(WorkingGroup, group_document, label=_("Working group"))

"""Writes of the home page's arrangement: a block moved up or down, shown or hidden."""

from django.db import transaction
from django.utils.translation import gettext as _

from knotenpunkt.core import blocks
from knotenpunkt.core.errors import DomainError
from knotenpunkt.core.memo import network_data_changed
from knotenpunkt.core.policy import require_actor
from knotenpunkt.core.services import audit_record

from .audit import PublishingAuditKind
from .models import HomeBlock
from .selectors_home import home_arrangement


def _current(network, template: str) -> list[tuple[str, bool]]:
    arrangement = home_arrangement(network, blocks.templates(blocks.HOME))
    if template not in [name for name, _shown in arrangement]:
        raise DomainError(_("This block is not on the home page."), field=None)
    return arrangement


def _store(network, arrangement: list[tuple[str, bool]]) -> None:
    """The whole arrangement as rows (a block never arranged gets one now); one memo renewal."""
    HomeBlock.objects.filter(network=network).exclude(
        template__in=[name for name, _shown in arrangement]
    ).delete()
    existing = {row.template: row for row in HomeBlock.objects.filter(network=network)}
    changed, new = [], []
    for position, (template, shown) in enumerate(arrangement):
        row = existing.get(template)
        if row is None:
            new.append(
                HomeBlock(network=network, template=template, position=position, shown=shown)
            )
        elif (row.position, row.shown) != (position, shown):
            row.position, row.shown = position, shown
            changed.append(row)
    HomeBlock.objects.bulk_create(new)
    HomeBlock.objects.bulk_update(changed, ["position", "shown"])
    network_data_changed(network.pk, loaded=network)


@transaction.atomic
def home_block_move(*, network, actor, template: str, direction: str) -> None:
    """One place up (towards the top of the page) or down; at the edge nothing changes."""
    require_actor(actor, network, "network.settings")
    if direction not in ("up", "down"):
        raise DomainError(_("Choose up or down."), field=None)
    arrangement = _current(network, template)
    names = [name for name, _shown in arrangement]
    index = names.index(template)
    other = index - 1 if direction == "up" else index + 1
    if not 0 <= other < len(arrangement):
        return
    arrangement[index], arrangement[other] = arrangement[other], arrangement[index]
    _store(network, arrangement)
    audit_record(
        network=network,
        actor=actor,
        action=PublishingAuditKind.HOME_ARRANGE,
        target=network,
        summary=template,
        changes={"position": (index + 1, other + 1)},
    )


@transaction.atomic
def home_block_show(*, network, actor, template: str, shown: bool) -> None:
    """Show or hide a block; a hidden block keeps its place for when it shows again."""
    require_actor(actor, network, "network.settings")
    arrangement = _current(network, template)
    index = [name for name, _shown in arrangement].index(template)
    if arrangement[index][1] == shown:
        return
    arrangement[index] = (template, shown)
    _store(network, arrangement)
    audit_record(
        network=network,
        actor=actor,
        action=PublishingAuditKind.HOME_ARRANGE,
        target=network,
        summary=template,
        changes={"shown": (not shown, shown)},
    )

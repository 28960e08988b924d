"""Blocks that apps add to pages of other apps: the home page, the workspace, a group's page.

A page that gathers what several apps hold (the workspace dashboard shows open action
items, working groups, the calendar and the knowledge base) must not import or name
those apps, so each app registers a template fragment in its AppConfig.ready()::

    from knotenpunkt.core import blocks

    blocks.register(blocks.WORKSPACE, "meetings/_workspace_actions.html", order=10)

and the page includes whatever is registered, in order::

    {% load page_blocks %}{% page_blocks "workspace" as fragments %}
    {% for fragment in fragments %}{% include fragment %}{% endfor %}

A fragment gets the page's context and asks its own app's template tags for its data
(docs/decisions/0008); it decides itself whether the visitor may see it.

A network may arrange a page's blocks (which show, in which order). Core imports no app, so
the app keeping the arrangement registers it (`register_arrangement`); `arranged()` asks it,
and without one the registered order holds (docs/decisions/0035).
"""

from collections.abc import Callable

HOME = "home"
WORKSPACE = "workspace"
GROUP = "group"

_blocks: dict[str, dict[str, int]] = {}
_labels: dict[tuple[str, str], str] = {}
# page → function(network, templates in registered order) -> the templates to show, in order.
_arrangements: dict[str, Callable[[object, list[str]], list[str]]] = {}


def register(page: str, template: str, *, order: int, label: str = "") -> None:
    """Show `template` on `page`; blocks appear by ascending `order`.

    `label` (a gettext_noop string) names the block where a coordinator arranges the page.
    """
    _blocks.setdefault(page, {})[template] = order
    if label:
        _labels[page, template] = label


def unregister(page: str, template: str) -> None:
    _blocks.get(page, {}).pop(template, None)
    _labels.pop((page, template), None)


def label(page: str, template: str) -> str:
    """The block's name as registered (untranslated); its template's name if it has none."""
    return _labels.get((page, template), template)


def register_arrangement(page: str, arrange: Callable[[object, list[str]], list[str]]) -> None:
    """Let `arrange(network, templates)` choose which of the page's blocks show, in what order."""
    _arrangements[page] = arrange


def arranged(page: str, network) -> list[str]:
    """The fragments of `page` as `network` arranged them (the registered order by default)."""
    registered = templates(page)
    arrange = _arrangements.get(page)
    if arrange is None or network is None:
        return registered
    return arrange(network, registered)


def templates(page: str) -> list[str]:
    """The fragments registered for `page`, in order."""
    registered = _blocks.get(page, {})
    return sorted(registered, key=lambda template: (registered[template], template))

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
"""

HOME = "home"
WORKSPACE = "workspace"
GROUP = "group"

_blocks: dict[str, dict[str, int]] = {}


def register(page: str, template: str, *, order: int) -> None:
    """Show `template` on `page`; blocks appear by ascending `order`."""
    _blocks.setdefault(page, {})[template] = order


def unregister(page: str, template: str) -> None:
    _blocks.get(page, {}).pop(template, None)


def templates(page: str) -> list[str]:
    """The fragments registered for `page`, in order."""
    registered = _blocks.get(page, {})
    return sorted(registered, key=lambda template: (registered[template], template))

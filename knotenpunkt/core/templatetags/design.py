"""The design system's template tags: icons from the one sprite.

A builtin (config/settings.py), so every template can write `{% icon "calendar" %}`.
"""

from django import template
from django.templatetags.static import static
from django.utils.html import format_html

register = template.Library()

# The symbols in static/knotenpunkt/icons.svg; a name not listed is a mistake in a template.
ICONS = frozenset(
    [
        "menu",
        "close",
        "globe",
        "search",
        "calendar",
        "clock",
        "place",
        "people",
        "organisation",
        "group",
        "document",
        "mail",
        "check",
        "alert",
        "info",
        "plus",
        "edit",
        "download",
        "filter",
        "arrow",
        "inbox",
        "book",
        "hand",
    ]
)


@register.simple_tag
def icon(name, label="", flips=False):
    """An icon from the sprite; decorative (hidden from screen readers) unless it has a label.

    `flips=True` mirrors it in right-to-left pages (arrows); most icons keep their shape.
    """
    if name not in ICONS:
        raise template.TemplateSyntaxError(f"unknown icon {name!r}")
    classes = "icon flips" if flips else "icon"
    href = f"{static('knotenpunkt/icons.svg')}#{name}"
    if label:
        return format_html(
            '<svg class="{}" role="img" aria-label="{}" focusable="false">'
            '<use href="{}"></use></svg>',
            classes,
            label,
            href,
        )
    return format_html(
        '<svg class="{}" aria-hidden="true" focusable="false"><use href="{}"></use></svg>',
        classes,
        href,
    )

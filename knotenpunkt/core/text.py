"""Markdown to HTML that is safe to show: rendered with Markdown, cleaned with nh3."""

import markdown as markdown_lib
import nh3

ALLOWED_TAGS = {
    "p",
    "br",
    "strong",
    "em",
    "b",
    "i",
    "ul",
    "ol",
    "li",
    "a",
    "h2",
    "h3",
    "h4",
    "blockquote",
    "code",
    "pre",
    "hr",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
}
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "th": {"scope"}}


def sanitise_html(html: str) -> str:
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes={"http", "https", "mailto", "tel"},
        link_rel="noopener noreferrer nofollow",
    )


def render_markdown(text: str) -> str:
    return sanitise_html(markdown_lib.markdown(text, extensions=["tables", "sane_lists"]))


FSI, PDI = "\u2068", "\u2069"


def isolate(value) -> str:
    """User content inside a plain-text line, between FIRST STRONG ISOLATE and POP
    DIRECTIONAL ISOLATE: a German name in an Arabic mail keeps its punctuation on its own
    side (plain text has no <bdi>). Empty stays empty."""
    text = "" if value is None else str(value)
    return f"{FSI}{text}{PDI}" if text else ""

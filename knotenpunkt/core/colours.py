"""The network's own colour, made safe to use as the design system's accent.

A coordinator picks any colour; the pages use it for links, buttons and the header line, where
text must keep WCAG AA contrast (4.5:1) against white. A colour that is too light is darkened
step by step (keeping its hue) until it does, so a network's choice can never make a page
unreadable, and no one has to know what a contrast ratio is to pick a colour.
"""

import colorsys
import re

HEX_COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")
DEFAULT_ACCENT = "#0b5cad"
WHITE = (1.0, 1.0, 1.0)
AA_CONTRAST = 4.5


def _channels(colour: str) -> tuple[float, float, float]:
    return tuple(int(colour[index : index + 2], 16) / 255 for index in (1, 3, 5))


def _luminance(rgb) -> float:
    """Relative luminance after WCAG 2.1."""

    def linear(channel: float) -> float:
        return channel / 12.92 if channel <= 0.03928 else ((channel + 0.055) / 1.055) ** 2.4

    red, green, blue = (linear(channel) for channel in rgb)
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def contrast(first, second) -> float:
    """The WCAG contrast ratio of two colours given as RGB triples of 0…1."""
    lighter, darker = sorted((_luminance(first), _luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def readable_accent(colour: str) -> str:
    """`colour` darkened (same hue) until white text on it, and it on white, reach 4.5:1.

    An empty or malformed value gives the default accent.
    """
    if not colour or not HEX_COLOUR.match(colour):
        return DEFAULT_ACCENT
    hue, lightness, saturation = colorsys.rgb_to_hls(*_channels(colour))
    rgb = colorsys.hls_to_rgb(hue, lightness, saturation)
    while contrast(rgb, WHITE) < AA_CONTRAST and lightness > 0:
        lightness = max(0.0, lightness - 0.02)
        rgb = colorsys.hls_to_rgb(hue, lightness, saturation)
    return "#" + "".join(f"{round(channel * 255):02x}" for channel in rgb)


def soft_tint(colour: str) -> str:
    """A very light tint of `colour` for backgrounds behind dark text (selected rows, panels)."""
    red, green, blue = _channels(readable_accent(colour))
    mixed = (round((channel * 0.1 + 0.9) * 255) for channel in (red, green, blue))
    return "#" + "".join(f"{channel:02x}" for channel in mixed)

"""Colours the reader picks for claim and evidence marks and for verdicts, readable on every
theme.

Theme colours lightened for dark themes (`$primary-lighten-2`) are pale on a light background:
on textual-light the claim colour had a contrast of about 2:1. Each colour here starts from the
theme's own and is darkened or lightened, in small steps, until it reaches WCAG AA (4.5:1)
against the background it is drawn on. Textual-free apart from its Color class.
"""

from __future__ import annotations

from collections.abc import Mapping

from textual.color import Color

AA = 4.5
"""WCAG 2 AA contrast for normal text."""

CUE_COLOURS = {
    "cue-claim": "primary-lighten-2",
    "cue-evidence": "success-lighten-1",
    "cue-reason": "success-darken-1",
    "mark-warning": "warning",
    "quote-title": "primary-lighten-2",
    "title-accent": "accent",
}
"""Our variable -> the theme variable it starts from (as dark themes have always shown it):
cue marks, search matches, ratings and challenges (`mark-warning`), quote titles and dialog
titles. On textual-light `$warning` text was 1.5:1, the search mark (reversed) too."""


def _linear(channel: int) -> float:
    c = channel / 255
    return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4


def luminance(colour: Color) -> float:
    """WCAG relative luminance."""
    return 0.2126 * _linear(colour.r) + 0.7152 * _linear(colour.g) + 0.0722 * _linear(colour.b)


def contrast(a: Color, b: Color) -> float:
    """WCAG contrast ratio, 1 to 21."""
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def readable(colour: Color, background: Color, ratio: float = AA) -> Color:
    """`colour`, darkened on a light background or lightened on a dark one, until it reaches
    `ratio` against `background` (black or white at worst, which always do)."""
    towards = Color(0, 0, 0) if luminance(background) > 0.18 else Color(255, 255, 255)
    for step in range(21):
        candidate = colour.blend(towards, step / 20)
        if contrast(candidate, background) >= ratio:
            return candidate
    return towards


def cue_variables(variables: Mapping[str, str]) -> dict[str, str]:
    """`$cue-claim` and `$cue-evidence`, and a `$verdict-…` colour per verdict
    (`tui.verdicts.LOOKS`), for a theme's CSS variables, readable on the background the list
    and the reading pane are drawn on (the screen's `background`). On textual-light the
    verdict badges had a contrast of 1.5:1 to 2:1. A theme of ANSI colours keeps them: the
    terminal's palette decides how those look, and it is the user's."""
    from tui.verdicts import LOOKS

    sources = dict(CUE_COLOURS)
    sources.update({s.colour[1:]: s.theme for s in LOOKS.values() if s.theme})
    background = Color.parse(variables.get("background") or "#000000")
    colours: dict[str, str] = {}
    for name, source in sources.items():
        base = Color.parse(variables.get(source) or variables.get("foreground") or "#ffffff")
        if base.ansi is not None or background.ansi is not None:
            colours[name] = variables.get(source) or "ansi_default"
        else:
            colours[name] = readable(base.with_alpha(1.0), background).hex
    return colours


class ReadableColours:
    """Mixin for an App hosting the reader's widgets: the theme's CSS variables plus the
    readable colours above (`$cue-…`, `$verdict-…`, `$mark-warning`…), which their styles use."""

    def get_css_variables(self) -> dict[str, str]:
        variables: dict[str, str] = super().get_css_variables()  # type: ignore[misc]
        variables.update(cue_variables(variables))
        return variables

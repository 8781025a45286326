"""How a verdict looks in the scorecard charts, shared so the bars and the strip agree.

Each verdict has its own glyph as well as its own colour, so the charts still read on a
monochrome terminal or with NO_COLOR set.
"""

from __future__ import annotations

from scoring.models import VERDICTS, Verdict

GLYPHS: dict[Verdict, str] = {
    "evidenced": "█",
    "reasoned": "▚",
    "asserted": "▓",
    "challenge": "▒",
    "non-argument": "░",
}

_COLOURS: dict[Verdict, str] = {
    "evidenced": "$success",
    "reasoned": "$accent",
    "asserted": "$error",
    "challenge": "$warning",
    "non-argument": "$foreground 50%",
}


def component_classes(prefix: str) -> set[str]:
    """One component class per verdict, e.g. `evidence-chart--asserted`."""
    return {f"{prefix}--{verdict}" for verdict in VERDICTS}


def verdict_css(type_name: str, prefix: str) -> str:
    """Theme colours for those component classes, so the charts follow the app's theme."""
    return "\n".join(
        f"{type_name} > .{prefix}--{verdict} {{ color: {colour}; }}"
        for verdict, colour in _COLOURS.items()
    )


LEGEND = "[$success]█[/] evidenced  [$error]▓[/] asserted  [$warning]▒[/] challenge  ░ other"
"""Our own fixed markup (no forum text in it), for border titles."""

"""How each verdict looks in the reader: its label, list badge, chart glyph and theme colour.

The one place for them: the post list, the reading pane, the filter and verdict dialogs, the
scorecard's charts and legend all read this table, so a new verdict from the scorer is one row
here (a test checks the rows against `scoring.models.VERDICTS`). Each verdict has its own glyph
and badge as well as its own colour, so the reader still reads on a monochrome terminal or with
NO_COLOR set. Plain strings only: the reader's start-up imports this, never the scorer.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Look:
    label: str
    """The word in the reading pane's header ("Evidenced")."""
    badge: str
    """Two cells in the post list ("EV")."""
    glyph: str
    """One cell in the scorecard's charts."""
    colour: str
    """A Textual CSS colour variable, for text (list, charts) and the pane header's background:
    `$verdict-…` ones are the theme colour in `theme` made readable on the theme's background
    (`tui.contrast.verdict_variables`)."""
    word: str
    """The word in the charts' legend and the scorecard's summary line."""
    bold: bool = True
    """Whether the list's badge is bold (the weak verdicts are not)."""
    theme: str = ""
    """The theme colour a `$verdict-…` colour starts from."""


LOOKS: dict[str, Look] = {
    "evidenced": Look("Evidenced", "EV", "█", "$verdict-evidenced", "evidenced", theme="success"),
    "reasoned": Look("Reasoned", "RE", "▚", "$verdict-reasoned", "reasoned", theme="accent"),
    "asserted": Look("Asserted", "AS", "▓", "$verdict-asserted", "asserted", theme="warning"),
    "challenge": Look(
        "Challenge", "CH", "▒", "$verdict-challenge", "challenge", theme="secondary-lighten-2"
    ),
    "non-argument": Look("Non-argument", "··", "░", "$text-muted", "other", bold=False),
    "not-scored": Look("Not scored", "NS", "╌", "$text-muted", "not scored", bold=False),
}
"""Strongest first: the order of the filter's and the verdict chooser's entries, the charts'
bar segments and the scorecard's counts."""

VERDICTS: tuple[str, ...] = tuple(LOOKS)

NO_VERDICT = Look("", "  ", " ", "$text-muted", "", bold=False)
"""A post not scored yet (or whose verdict this reader does not know)."""


def look(verdict: str | None) -> Look:
    return LOOKS.get(verdict or "", NO_VERDICT)


def component_classes(prefix: str) -> set[str]:
    """One component class per verdict, e.g. `evidence-chart--asserted`."""
    return {f"{prefix}--{verdict}" for verdict in LOOKS}


def verdict_css(type_name: str, prefix: str, *, bold: bool = False) -> str:
    """Theme colours for those component classes (and bold where the verdict's look says so,
    when `bold`), so the widgets follow the app's theme."""
    rules = []
    for verdict, seen in LOOKS.items():
        style = " text-style: bold;" if bold and seen.bold else ""
        rules.append(f"{type_name} > .{prefix}--{verdict} {{ color: {seen.colour};{style} }}")
    return "\n".join(rules)


def legend(unscored: bool = False) -> str:
    """Glyph and word per verdict, as our own fixed markup (no forum text in it); `not
    scored` only where `unscored` (some post is in a language the scorer does not read)."""
    return "  ".join(
        f"[{seen.colour}]{seen.glyph}[/] {seen.word}"
        for verdict, seen in LOOKS.items()
        if unscored or verdict != "not-scored"
    )

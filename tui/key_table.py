"""The reader's keys as tables: ids to remap by, which keys meet (so a remap cannot clash), rows
for the help screen and entries for the command palette.

Plain functions over declared bindings: the App only finds the live widgets and how a key is
displayed, so this bookkeeping does not crowd the module that reads and shows a thread.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from textual.binding import Binding

QUIT_ID = "app.quit"
QUIT_KEY = "ctrl+q"

PALETTE_TITLES = {
    "switch_pane": "Switch between list and reading pane",
    "follow_quote": "Follow the quoted post",
    "quoted_by": "List the posts that quote this one",
    "back": "Back (jump history)",
    "forward": "Forward (jump history)",
    "bookmark": "Bookmark or unbookmark this post",
    "next_bookmark": "Jump to the next bookmark",
    "rate_clear": "Clear this post's rating",
    "note": "Write a note on this post",
    "override": "Override this post's verdict",
    "search": "Search posts",
    "next_match": "Next search match",
    "prev_match": "Previous search match",
    "filter": "Filter the post list",
    "highlight": "Toggle claim/evidence highlighting",
    "fold_quotes": "Fold or unfold quotes",
    "scorecard": "Open the scorecard",
    "export": "Export the scorecard",
    "help": "Show the keys",
    "quit": "Quit threadscore",
    QUIT_ID: "Quit threadscore (from any screen)",
    "tree": "Reply tree on or off",
    "fold_all": "Fold or unfold the whole tree",
    "next_unread": "Go to the next unread post",
    "links": "List this post's links to open",
    "author_filter": "Only this author's posts (or all)",
    "clear_filter": "Clear the filter",
    "copy_words": "Copy this post's own words",
    "list.tree_left": "Tree: fold, or up to its parent",
    "list.tree_right": "Tree: unfold, or down to a reply",
}
"""Longer titles for the help screen and the palette; the footer keeps the short descriptions."""


@dataclass(frozen=True)
class KeyHelp:
    """One line of help: the keys as displayed, what they do, and the id to remap them by."""

    keys: str
    description: str
    binding_id: str


def binding_ids(sections: Sequence[Sequence[Binding]]) -> list[str]:
    """Every id a user may remap, once each, in declaration order; ctrl+q's last."""
    ids: list[str] = []
    for declared in sections:
        ids.extend(b.id for b in declared if b.id and b.id not in ids)
    return [*ids, QUIT_ID]


def binding_contexts(sections: Mapping[str, Sequence[Binding]]) -> list[list[tuple[str, str]]]:
    """(id, key) pairs of the bindings active together: a remap must not take a key there.

    The reader's keys meet the list's or the pane's (whichever has focus, and its key wins);
    the scorecard's keys stand alone; ctrl+q is everywhere.
    """
    quit_ = [(QUIT_ID, QUIT_KEY)]

    def pairs(*titles: str) -> list[tuple[str, str]]:
        found = [(b.id, b.key) for t in titles for b in sections[t] if b.id]
        return [*found, *quit_]

    return [
        pairs("Reader", "Post list"),
        pairs("Reader", "Reading pane"),
        pairs("Scorecard"),
    ]


def help_rows(declared: Sequence[Binding], keys: Mapping[str, list[str]]) -> list[KeyHelp]:
    """One help row per binding id, with the keys bound to it now ("(unbound)" when a remap
    took them all away) and its long title where it has one."""
    seen: set[str] = set()
    rows: list[KeyHelp] = []
    for binding in declared:
        if binding.id and binding.id not in seen:
            seen.add(binding.id)
            bound = dict.fromkeys(keys.get(binding.id, []))  # a remapped key is listed twice
            shown = ", ".join(bound) or "(unbound)"
            title = PALETTE_TITLES.get(binding.id, binding.description)
            rows.append(KeyHelp(shown, title, binding.id))
    return rows


def palette_entries(
    declared: Sequence[Binding], rows: Sequence[KeyHelp]
) -> list[tuple[str, str, str]]:
    """(title, action, keys) per help row; the action as bound (`app.` ones run on the App)."""
    actions = {b.id: b.action for b in declared if b.id}
    return [(row.description, actions[row.binding_id], row.keys) for row in rows]

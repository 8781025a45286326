"""Jump history, like a browser's: `[` goes back to where a jump started, `]` undoes that."""

from __future__ import annotations

from dataclasses import dataclass, field

from tui.filters import Filter

LIMIT = 200
"""Older entries are dropped; nobody walks back two hundred jumps."""


@dataclass(frozen=True)
class Place:
    """How a post was left by a jump: where its text was scrolled to, and the filter the jump
    cleared to reach a post it hid (restored on the way back)."""

    scroll: float = 0.0
    filter: Filter | None = None


@dataclass
class JumpHistory:
    """Back and forward stacks of post numbers; a new jump clears the forward stack."""

    back_stack: list[int] = field(default_factory=list)
    forward_stack: list[int] = field(default_factory=list)
    places: dict[int, Place] = field(default_factory=dict)
    """How each post was last left by a jump, for coming back to it as it was."""

    def leave(self, number: int, place: Place) -> None:
        """Remember how post `number` is being left."""
        self.places[number] = place
        if len(self.places) > LIMIT:
            del self.places[next(iter(self.places))]

    def jump(self, origin: int, target: int) -> None:
        """Record a jump from `origin`; moving to the same post records nothing."""
        if origin == target:
            return
        if not self.back_stack or self.back_stack[-1] != origin:
            self.back_stack.append(origin)
            del self.back_stack[:-LIMIT]
        self.forward_stack.clear()

    def back(self, current: int) -> int | None:
        """Where to go back to from `current`, or None at the start."""
        if not self.back_stack:
            return None
        self.forward_stack.append(current)
        return self.back_stack.pop()

    def forward(self, current: int) -> int | None:
        """Where to go forward to from `current`, or None when nothing was undone."""
        if not self.forward_stack:
            return None
        self.back_stack.append(current)
        return self.forward_stack.pop()

"""What `y` copies: the open post's own words, without the quotes it repeats. Textual-free.

The copy goes to the terminal as an OSC 52 sequence (Textual's `App.copy_to_clipboard`), so the
text is cleaned first: an escape character inside it would end the sequence early and the rest
would be obeyed by the terminal.
"""

from __future__ import annotations

from parsing.models import Post
from tui.safe import clean


def own_words(post: Post) -> str:
    """The post's body (its own words: the parser keeps quotes apart), cleaned."""
    return clean(post.body).strip()

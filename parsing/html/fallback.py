"""Pages of an engine we do not know: their main text, read by the plain-text reader.

Better some posts than none: the page's readable text (navigation, headers, footers and forms
left out) is what a crawl would flatten, and that is what the text reader is built for. No
forum post ids come out of this, and the user is told so.
"""

from __future__ import annotations

from selectolax.lexbor import LexborHTMLParser

from parsing.html.text import plain
from parsing.models import Post, Quote, Source, Thread

_CHROME = (
    "nav, header, footer, aside, form, [role=navigation], [role=banner], [role=contentinfo], "
    "[role=search], .breadcrumb, .breadcrumbs, .pagination, .pagenav, #header, #footer"
)
_MAIN = ("main", "[role=main]", "#content", "#main", ".content", "body")


def main_text(tree: LexborHTMLParser) -> str:
    """The page's main area as a browser shows it (what a crawl flattens and the text reader
    expects): paragraphs and line breaks kept, link labels without addresses, no images."""
    root = None
    for selector in _MAIN:
        root = tree.css_first(selector)
        if root is not None:
            break
    if root is None:
        root = tree.root
    if root is None:
        return ""
    drops = {n.mem_id for n in root.css(_CHROME)}
    return plain(root, drops, addresses=False)


def _unlined_quote(quote: Quote) -> Quote:
    return quote.model_copy(
        update={"lines": None, "nested": [_unlined_quote(n) for n in quote.nested]}
    )


def read_as_text(text: str, source: Source) -> Thread:
    """Run the text reader on extracted text; line numbers would point into text the user never
    saw, so they are dropped."""
    from parsing.text_reader import parse_text

    thread = parse_text(text, source)
    posts: list[Post] = [
        post.model_copy(update={"lines": None, "quotes": [_unlined_quote(q) for q in post.quotes]})
        for post in thread.posts
    ]
    return thread.model_copy(
        update={"posts": posts, "chrome_lines": [], "title_line": None, "source": source}
    )

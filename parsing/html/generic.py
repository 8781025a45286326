"""Posts of a page whose engine is not in the table, read off the page's own repeating structure.

A thread page lists its posts as elements that repeat with one signature (same tag and classes,
or the same id pattern such as `post_123`), each holding a text body, a short author name and
often a date and a numeric id. We group the page's elements by signature, score each family
by how much of the page's text it covers and how many of its members carry an author and an
id, and take the best family as the posts. Inside the members, the body, author and date are
"slots" (the same relative path in most members), so one odd post does not mislead the choice.
No engine's names appear here: only the markup conventions every engine shares (profile links,
`<time>`, `blockquote`, "X wrote:").
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache

from selectolax.lexbor import LexborHTMLParser, LexborNode

from parsing.html import dates
from parsing.html.extract import RawPost
from parsing.html.measure import Measure
from parsing.html.quote_blocks import body_parts, find_quotes
from parsing.html.signatures import strip_signatures
from parsing.html.text import clean, inline_text
from parsing.html.text_meta import by_line_name, number_text

MIN_MEMBERS = 2
"""A family needs two members: one post alone does not show a repeating structure."""
MIN_COVERAGE = 0.2
"""Share of the page's text the posts must hold, else the page is not a post list."""
SAMPLE = 40
"""Members read in full to choose the body, author and date slots (spread over the page)."""
MAX_NAME_CHARS = 40
MAX_NAME_WORDS = 5
MAX_SLOT_DEPTH = 14

_MIXED_TAIL = re.compile(
    r"(?:^|[^A-Za-z0-9])(?=[A-Za-z0-9]{5,}$)[A-Za-z0-9]*\d[A-Za-z][A-Za-z0-9]*$"
)
"""The last part of an id that has letters after digits ("kf0b11", base 36), so its digits
are not a number of their own."""
_ID = re.compile(r"^([A-Za-z_-]*?)[-_]?(\d+)$")
_DIGITS = re.compile(r"\d")
_NUM_ID = re.compile(r"(?:^|\D)(\d{2,})$")
_PROFILE_HREF = re.compile(
    r"user|member|profil|author|/u/|[?&]u=|[?&]uid=|/people/|/~|/@", re.IGNORECASE
)
_NAME_CLASS = re.compile(
    r"(?:author|user|poster|name|nick|member)(?:$|[-_\s])",
    re.IGNORECASE,
)
"""A class word that ends in a name word ("username", "post-author", "hnuser", "user__nick"),
not one that only starts with it ("usertext-body" is a post's text)."""
_FIELD_NAME = re.compile(r"--name-[\w-]*")
"""A modifier that says which field a block shows (`field--name-comment-body`), not a person."""
_NOT_NAME_CLASS = re.compile(
    r"title|avatar|info|stat|detail|rank|group|pane|block|tag[-_]", re.IGNORECASE
)
"""Words that make a name class name something else: a title, a rank, a tag ("tag-name")."""
_DATE_CLASS = re.compile(r"date|time|posted|publish|created", re.IGNORECASE)
_SKIP = frozenset({"script", "style", "noscript", "template", "svg", "head", "select", "option"})
_CONTENT_TAGS = frozenset(
    {
        "p", "br", "blockquote", "ul", "ol", "li", "pre", "code", "img", "a", "span", "b", "i",
        "em", "strong", "font", "u", "s", "q", "sup", "sub", "small", "big", "h1", "h2", "h3",
        "h4", "h5", "h6", "hr", "table", "center", "strike", "del", "ins", "mark", "abbr",
        "cite", "iframe", "video", "figure", "dl", "tt", "wbr",
    }
)  # fmt: skip
_PHRASING = frozenset({"a", "span", "b", "strong", "em", "i", "cite", "font", "small", "bdi", "u"})
"""Inline elements: one wrapped in another with the same text shows one name."""
_CHROME_TAGS = frozenset({"nav", "header", "footer", "aside", "form", "button", "select"})
_CLOCK = re.compile(r"\d{1,2}:\d{2}")
_NOT_NAMES = frozenset(
    {"quote", "reply", "report", "pm", "find", "profile", "website", "email", "like", "share"}
)


@dataclass
class Family:
    """Elements that repeat with one signature; `score` says how much they look like posts."""

    key: tuple[str, ...]
    members: list[LexborNode]
    inner: list[LexborNode] = field(default_factory=list)
    """Elements with the signature inside members (replies, in a comment tree)."""
    coverage: float = 0.0
    authors: float = 0.0
    ids: float = 0.0
    score: float = 0.0
    strong: bool = False
    """Nearly every member has a marked-up name, its own id and a date (`_strong`)."""


def read_generic(tree: LexborHTMLParser) -> list[RawPost]:
    """The posts of a page of an unknown engine; [] when no family of elements looks like posts."""
    tree.strip_tags([t for t in _SKIP if t != "noscript"])  # script text is not page text
    _read_content_noscripts(tree)
    tree.strip_tags(["noscript"])
    root = tree.body
    if root is None:
        return []
    measure = Measure(root)
    found = families(measure)
    scored = rank_families(root, measure, found=found)
    family = choose_family(scored, measure)
    if family is None:
        scored = rank_families(root, measure, lift=True, found=found)
        family = choose_family(scored, measure)
    if family is None:
        return []
    members = family.members
    replies = nested_members(family, measure)
    if replies:
        unnest(members, replies, measure)
        measure = Measure(root)
        members = _outermost(members_of(family.key, measure), measure)
        return read_family(members, measure)
    return read_family(members, measure, comment_family(family, scored, measure))


def _read_content_noscripts(tree: LexborHTMLParser) -> None:
    """Unwrap the `<noscript>` blocks when they hold most of the page's words: a script-built
    forum (Flarum) saves its posts there for readers without scripts, the rest of the page
    being an empty shell. A short notice ("enable JavaScript") is dropped with the others."""
    body = tree.body
    if body is None:
        return
    blocks = [n for n in body.css("noscript") if n.parent is not None]
    if not blocks:
        return
    inside = sum(len(n.text(deep=True, separator=" ").split()) for n in blocks)
    if inside and inside > 0.5 * len(body.text(deep=True, separator=" ").split()):
        for node in blocks:
            node.unwrap()


def comment_family(family: Family, scored: list[Family], measure: Measure) -> list[LexborNode]:
    """Members of another family that marks posts of its own (names, ids, dates) inside the
    chosen family's posts or above the first of them: the comments under a question and under
    each answer of a Q&A page. The finest such family (most members) is taken."""
    best: Family | None = None
    for other in scored:
        if not other.strong or other is family or other.key == family.key:
            continue
        inside = _held(family, other, measure)
        if inside >= MIN_NESTED and (best is None or len(other.members) > len(best.members)):
            best = other
    return best.members if best is not None else []


def _comments_in(posts: Family, fam: Family, measure: Measure) -> bool:
    """`fam` marks the comments of the posts `posts` marks (a Q&A page with few answers,
    whose comments outnumber them): `posts` names its posts and holds `fam`'s members."""
    if posts is fam or posts.key == fam.key or posts.authors < 0.5 or posts.ids < 0.5:
        return False
    if posts.coverage <= fam.coverage or _held(posts, fam, measure) < 1:
        return False
    outer = sum(measure.text_len(m) for m in posts.members)
    inner = sum(measure.text_len(m) for m in fam.members)
    return outer - inner >= 0.5 * outer  # most of the posts' words are their own, not `fam`'s


def _held(family: Family, other: Family, measure: Measure) -> int:
    """How many of `other`'s members lie inside `family`'s members, when all the rest lie
    above the first of them (a lead post's comments); 0 when one lies elsewhere."""
    starts = [measure.position(m) for m in family.members]
    first = starts[0]
    inside = 0
    for node in other.members:
        pos = measure.position(node)
        i = bisect_right(starts, pos) - 1
        if i >= 0 and pos > starts[i] and measure.inside(node, family.members[i]):
            inside += 1
        elif pos >= first or measure.subtree_end(node) >= first:
            return 0  # outside the posts and not above them: another structure
    return inside


MIN_NESTED = 2
"""Members of the chosen family found inside other members before the page is read as a
comment tree (one alone may be a post embedded in a post)."""


def nested_members(family: Family, measure: Measure) -> list[LexborNode]:
    """Elements with the family's signature inside its members, outside quotes: replies of a
    comment tree, where each answer sits inside the post it answers."""
    if len(family.inner) < MIN_NESTED:
        return []
    starts = [measure.position(m) for m in family.members]
    out = []
    for node in family.inner:
        member = family.members[bisect_right(starts, measure.position(node)) - 1]
        if not _in_quote(node, member):
            out.append(node)
    return out if len(out) >= MIN_NESTED else []


def members_of(key: Key, measure: Measure) -> list[LexborNode]:
    """Elements (in page order) that repeat under signature `key`."""
    out = []
    for node in measure.elements:
        attrs = node.attributes
        if not attrs:
            continue
        if key[0] == "token":
            if node.tag == key[1] and key[2] in _class_step(attrs.get("class") or "").split():
                out.append(node)
        elif key in _keys(node.tag or "", attrs):
            out.append(node)
    return out


def unnest(members: list[LexborNode], replies: list[LexborNode], measure: Measure) -> None:
    """Move each reply out of the post it answers to just after that thread's top post, page
    order kept, so every post holds only its own words (the reply structure is not a quote)."""
    starts = [measure.position(m) for m in members]
    for node in reversed(replies):  # innermost last in page order: moved out first
        member = members[bisect_right(starts, measure.position(node)) - 1]
        member.insert_after(node)
        node.decompose()


# Families ------------------------------------------------------------------------------------


Key = tuple[str, ...]


def _keys(tag: str, attrs: dict[str, str | None]) -> list[Key]:
    """The signatures a node repeats under: its id pattern, its classes, a numeric data key."""
    out: list[Key] = []
    ident = attrs.get("id") or ""
    m = _ID.match(ident)
    if m and (m[1] or len(m[2]) >= 2) and m[2].strip("0"):  # id 0: a template, not a post
        out.append(("id", tag, m[1]))
    cls = attrs.get("class") or ""
    tokens = tuple(sorted(t for t in cls.split() if _kind_token(t)))
    if tokens:
        out.append(("class", tag, *tokens))
    for name, value in attrs.items():
        if name.startswith("data-") and value and _NUM_ID.search(value) and _id_like_attr(name):
            out.append(("data", tag, name))
    if _custom(tag):
        out.append(("tag", tag))
    return out


def _custom(tag: str | None) -> bool:
    """A custom element (a web component: `<shreddit-comment>`): its tag names its kind, and
    its own attributes are its data, as `data-*` attributes are a standard element's."""
    return bool(tag) and "-" in tag and not tag.startswith("-")


def _id_like_attr(name: str) -> bool:
    rest = name[5:]
    return "id" in rest or "post" in rest or rest in ("content", "node", "index")


def families(measure: Measure) -> list[Family]:
    """Every signature shared by two or more elements that do not nest in one another."""
    groups: dict[Key, list[LexborNode]] = {}
    seen: dict[tuple[str, tuple[tuple[str, str | None], ...]], list[Key]] = {}
    kinds: dict[Key, set[Key]] = {}
    """One kind of element whose class strings vary by state ("comment even", "comment odd
    alt"): a class token two or more repeating class strings share keys the kind whole."""
    for node in measure.elements:
        tag = node.tag or ""
        if tag in _SKIP or tag in ("a", "img", "br"):
            continue
        attrs = node.attributes
        if not attrs:
            continue
        shape = (tag, tuple(attrs.items()))
        keys = seen.get(shape)
        if keys is None:
            keys = seen[shape] = _keys(tag, attrs)
        for key in keys:
            groups.setdefault(key, []).append(node)
            if key[0] == "class":
                for token in key[2:]:
                    kinds.setdefault(("token", tag, token), set()).add(key)
    for token_key, variants in kinds.items():
        if sum(1 for v in variants if len(groups[v]) >= MIN_MEMBERS) >= 2:
            groups[token_key] = sorted(
                (n for v in variants for n in groups[v]), key=measure.position
            )
    out = []
    for key, nodes in groups.items():
        if len(nodes) < MIN_MEMBERS:
            continue
        members = _outermost(nodes, measure)
        if key[0] == "token" and not _siblings(members):
            continue
        if len(members) >= MIN_MEMBERS:
            kept = {n.mem_id for n in members}
            out.append(Family(key, members, [n for n in nodes if n.mem_id not in kept]))
    return out


SIBLINGS = 0.8
"""Share of a state-varied kind's members that must stand beside another member (a list of
comments), so that layout tokens shared by a page's wrappers ("container") key no family."""


def _siblings(members: list[LexborNode]) -> bool:
    if len(members) < 3:
        return False
    parents = Counter(m.parent.mem_id for m in members if m.parent is not None)
    return sum(n for n in parents.values() if n >= 2) >= SIBLINGS * len(members)


def _outermost(nodes: list[LexborNode], measure: Measure) -> list[LexborNode]:
    """Members in page order with any member nested inside another left out."""
    out = []
    end = -1
    for node in nodes:
        if measure.position(node) > end:
            out.append(node)
            end = measure.subtree_end(node)
    return out


def best_family(root: LexborNode, measure: Measure) -> Family | None:
    """The family that holds most of the page's text in members that each have an author,
    unless its members are wrappers around a finer family that also looks like posts."""
    return choose_family(rank_families(root, measure), measure)


def rank_families(
    root: LexborNode, measure: Measure, lift: bool = False, found: list[Family] | None = None
) -> list[Family]:
    """Families that may be posts, scored, best first (families with every mark of a post
    list first). `lift`: a family of bodies without names is read as the containers around
    them (`_lift`), for a page where no family has names of its own. `found`: the page's
    `families`, when a first pass already grouped them (each is scored afresh)."""
    total = measure.text_len(root) or 1
    scored: list[Family] = []
    fresh = (
        [Family(f.key, list(f.members), list(f.inner)) for f in found]
        if found is not None
        else families(measure)
    )
    for fam in fresh:
        lengths = [measure.text_len(n) for n in fam.members]
        fam.coverage = sum(lengths) / total
        if fam.coverage < MIN_STRONG_COVERAGE or _median(lengths) < 20:
            continue
        sample = _spread(fam.members, SAMPLE)
        fam.authors = sum(1 for n in sample if _member_names(n)) / len(sample)
        if lift and fam.authors < 0.5 and fam.coverage >= MIN_COVERAGE:
            lifted = _lift(fam.members, measure)
            if lifted:
                lifted_sample = _spread(lifted, SAMPLE)
                named = sum(1 for n in lifted_sample if _member_names(n)) / len(lifted_sample)
                if named >= 0.5:
                    fam.members, fam.inner, sample, fam.authors = lifted, [], lifted_sample, named
                    fam.coverage = sum(measure.text_len(n) for n in lifted) / total
        if fam.coverage < MIN_COVERAGE or fam.authors >= STRONG:
            fam.strong = _strong(fam, sample)
            if not fam.strong and fam.coverage < MIN_COVERAGE:
                continue
        if fam.authors < 0.5:
            fam.authors = max(fam.authors, _text_name_presence(sample))
        if fam.authors < 0.5:
            lines = sum(1 for n in sample if _by_line(n, None))
            fam.authors = max(fam.authors, lines / len(sample))
        fam.ids = sum(_id_weight(n) for n in sample) / len(sample)
        fam.score = fam.coverage * (0.2 + 0.8 * fam.authors) * (0.6 + 0.4 * fam.ids)
        scored.append(fam)
    scored.sort(key=lambda f: (not f.strong, -f.score))
    return scored


def choose_family(scored: list[Family], measure: Measure) -> Family | None:
    for fam in scored:
        if fam.authors < 0.5 or (fam.strong and any(_comments_in(o, fam, measure) for o in scored)):
            continue
        if not any(_wraps(fam, other, measure) for other in scored):
            return _tree_twin(fam, scored, measure)
    return None


def _lift(members: list[LexborNode], measure: Measure) -> list[LexborNode]:
    """The posts around a family of bodies that carry no name: each member's ancestor the
    same number of steps up, as many steps as keep the members apart (nearly as many distinct
    ancestors as one step up gives, all of one tag+class kind): a table row holding the
    poster's cell and the message cell around the message. [] when no step does."""
    if len(members) < 3:
        return []
    chains = []
    for member in members:
        chain = []
        parent = member.parent
        while parent is not None and parent.tag not in ("body", "html") and len(chain) < 12:
            chain.append(parent)
            parent = parent.parent
        chains.append(chain)
    best: list[LexborNode] = []
    first = 0
    for steps in range(1, 13):
        lifted: dict[int, LexborNode] = {}
        for chain in chains:
            if len(chain) < steps:
                return best
            node = chain[steps - 1]
            lifted.setdefault(node.mem_id, node)
        first = first or len(lifted)
        if len(lifted) < max(2, 0.8 * first):
            return best
        kinds = Counter(_step(n) for n in lifted.values())
        kind, count = kinds.most_common(1)[0]
        if count >= 0.8 * len(lifted):
            best = _outermost([n for n in lifted.values() if _step(n) == kind], measure)
    return best


MIN_STRONG_COVERAGE = 0.03
"""A family that shows every mark of a post list (below) may hold this little of the page: the
comments under a long article."""
STRONG = 0.8
"""Share of members that must carry a marked-up name, their own id and a date for a family to
show every mark of a post list; such a family beats families with fewer marks, whatever text
they cover (page blocks around an article and its comments, columns of the article)."""


def _strong(fam: Family, sample: list[LexborNode]) -> bool:
    ids = sum(1 for n in sample if own_post_id(n)) / len(sample)
    if ids < STRONG or len(fam.members) < 3:
        return False
    return sum(1 for n in sample if _has_date(n)) / len(sample) >= STRONG


def _has_date(member: LexborNode) -> bool:
    """A member shows when it was posted: a machine date, a date-classed date, or a short
    line of its own with a date or a clock time ("23.04.18 | 20:30")."""
    for node in member.css("time, [datetime], [data-time], [data-timestamp]"):
        if dates.from_node(node):
            return True
    for node in member.css("[class]"):
        if _DATE_CLASS.search(node.attributes.get("class") or "") and dates.from_text(
            inline_text(node)[:120]
        ):
            return True
    for node in member.css("span, small, div, time, em, abbr, td"):
        text = node.text(deep=False).strip() if node.child is not None else ""
        if 0 < len(text) <= 40 and (_CLOCK.search(text) or dates.from_text(text)):
            return True
    return False


TWIN_SCORE = 0.98
"""A family scoring this share of the best one's score, over the same posts, is as good."""


def _tree_twin(best: Family, scored: list[Family], measure: Measure) -> Family:
    """The family that marks the same posts as `best` under another signature (an id pattern
    beside a data attribute) and also marks replies nested inside them, if there is one: that
    signature reads the whole comment tree, where `best` would leave the replies inside their
    parents' text."""
    if nested_members(best, measure):
        return best
    for other in scored:
        if (
            other is not best
            and other.score >= TWIN_SCORE * best.score
            and len(other.members) == len(best.members)
            and all(
                measure.inside(a, b) or measure.inside(b, a)
                for a, b in zip(other.members, best.members, strict=True)
            )
            and nested_members(other, measure)
        ):
            return other
    return best


def _id_weight(member: LexborNode) -> float:
    """1 for a member that names its post in its own markup, 0.5 for an id only inside it
    (which may be a wrapper's inner post)."""
    if own_post_id(member):
        return 1.0
    return 0.5 if inner_post_id(member, None) else 0.0


def _wraps(outer: Family, inner: Family, measure: Measure) -> bool:
    """`outer`'s members each hold several of `inner`'s, and `inner` looks like posts too
    (as many of its members have an author and an id)."""
    if len(inner.members) < 2 * len(outer.members) or inner.authors < 0.8:
        return False
    if inner.ids < outer.ids or inner.authors < 0.8 * outer.authors:
        return False
    if inner.coverage < 0.7 * outer.coverage:
        return False
    first = inner.members[0]
    return any(measure.inside(first, m) for m in outer.members)


def _median(values: list[int]) -> float:
    ordered = sorted(values)
    return float(ordered[len(ordered) // 2]) if ordered else 0.0


def _spread(nodes: list[LexborNode], k: int) -> list[LexborNode]:
    if len(nodes) <= k:
        return nodes
    step = len(nodes) / k
    return [nodes[int(i * step)] for i in range(k)]


# Names ---------------------------------------------------------------------------------------


def _in_quote(node: LexborNode, stop: LexborNode) -> bool:
    parent = node.parent
    while parent is not None and parent.mem_id != stop.mem_id:
        if parent.tag == "blockquote" or "quote" in (parent.attributes.get("class") or "").lower():
            return True
        parent = parent.parent
    return False


def looks_like_name(text: str) -> bool:
    """A user name: short, a few words, not a button label or a number."""
    if not text or len(text) > MAX_NAME_CHARS or len(text.split()) > MAX_NAME_WORDS:
        return False
    if text.lower().strip(" .:[]()") in _NOT_NAMES or _CLOCK.search(text):
        return False
    return not text.lstrip("#№ ").replace(",", "").replace(".", "").isdigit()  # "#12": a number


def name_candidates(member: LexborNode) -> Iterator[LexborNode]:
    """Elements that may hold the author's name: profile links and name-classed elements."""
    for node in member.css("a[href], [class], [itemprop], [rel]"):
        attrs = node.attributes
        rel = (attrs.get("rel") or "").lower().split()
        if "tag" in rel:
            continue  # rel="tag": a topic label (the rel-tag convention), never a person
        if node.tag == "a" and _PROFILE_HREF.search(attrs.get("href") or ""):
            yield node
            continue
        cls = attrs.get("class") or ""
        named = bool(_NAME_CLASS.search(_FIELD_NAME.sub("", cls))) and not _NOT_NAME_CLASS.search(
            cls
        )
        if named or "author" in rel or _person_markup(node, cls, attrs.get("itemprop")):
            yield node


_PERSON_CLASSES = frozenset({"fn", "nickname", "p-name", "p-nickname", "u-author", "h-card"})
"""Class tokens of the hCard / microformats2 conventions that mark a person's name."""
_PERSON_PROPS = frozenset({"author", "creator"})


def _person_markup(node: LexborNode, cls: str, prop: str | None) -> bool:
    """A name marked by a shared convention rather than by an engine's class words: an hCard
    `fn` or `nickname`, schema.org `itemprop=author` (or the `name` of the person in it)."""
    if cls and not _PERSON_CLASSES.isdisjoint(cls.split()):
        return True
    if not prop:
        return False
    props = set(prop.split())
    if not _PERSON_PROPS.isdisjoint(props):
        return True
    if "name" in props:
        parent = node.parent
        for _ in range(3):
            if parent is None:
                break
            outer = parent.attributes.get("itemprop") if parent.attributes else None
            if outer:
                return not _PERSON_PROPS.isdisjoint(outer.split())
            parent = parent.parent
    return False


def _member_names(member: LexborNode) -> set[str]:
    """The distinct name-like texts in a member (outside quotes)."""
    own = _attr_author(member)
    if own:
        return {own}
    names = set()
    for node in name_candidates(member):
        text = inline_text(node)
        if looks_like_name(text) and not _in_quote(node, member):
            names.add(text.casefold())
    return names


def _author_card(member: LexborNode, body: LexborNode) -> LexborNode | None:
    """The element schema.org marks as the post's author (`itemprop=author`), outside the body
    and quotes: where a post also shows its editor's card in the same markup, only the
    author's is marked so."""
    for node in member.css("[itemprop]"):
        if "author" not in (node.attributes.get("itemprop") or "").split():
            continue
        if not _inside(node, body) and not _in_quote(node, member):
            return node
    return None


def _marked_author(card: LexborNode | None) -> str | None:
    """The name in the author's card: its person's name or link, else its own text."""
    if card is None:
        return None
    for inner in card.css("[itemprop], a[href]"):
        props = (inner.attributes.get("itemprop") or "").split()
        text = inline_text(inner) or clean(inner.attributes.get("content") or "")
        if ("name" in props or inner.tag == "a") and looks_like_name(text):
            return text
    text = name_text(card)
    return text if looks_like_name(text) else None


def _card_date(card: LexborNode, member: LexborNode, body: LexborNode) -> dt.date | None:
    """The date nearest the author's card (the time it says the post was written), not an
    edit time shown first in another card."""
    node = card.parent
    while node is not None and node.mem_id != member.mem_id:
        if not _inside(body, node):
            for found in node.css("time, [datetime], [title]"):
                value = (
                    dates.from_node(found)
                    if found.tag == "time"
                    else (
                        dates.from_iso(found.attributes.get("datetime"))
                        or dates.from_text(found.attributes.get("title"))
                    )
                )
                if value:
                    return value
        node = node.parent
    return None


def _attr_author(node: LexborNode) -> str | None:
    custom = _custom(node.tag)
    for name, value in node.attributes.items():
        if (
            (custom or name.startswith("data-"))
            and ("author" in name or "username" in name)
            and value
        ):
            value = clean(value)
            if looks_like_name(value):
                return value
    return None


# Ids -----------------------------------------------------------------------------------------


def own_post_id(
    node: LexborNode, token_ids: bool = False, counters: frozenset[str] = frozenset()
) -> str | None:
    """A post's number from its own markup: id="post_123", data-pid="123", <a name="p123">.
    `token_ids`: the page's anchors are ids in letters and digits ("dxr2q90"), taken whole.
    `counters`: data attributes that number every element of the page, not posts."""
    m = _ID.match(node.attributes.get("id") or "")
    if m and (m[1] or len(m[2]) >= 2):
        return m[2]
    custom = _custom(node.tag)
    ranked = sorted(
        (rank, value)
        for name, value in node.attributes.items()
        if value and name not in counters and (rank := _id_rank(name, custom)) is not None
    )
    for _rank, value in ranked:
        if _MIXED_TAIL.search(value):
            return value  # "t1_kf0b11": an id in letters and digits, not a number at its end
        hit = _NUM_ID.search(value)
        if hit:
            return hit[1]
        if _DATA_TOKEN.match(value):
            return value
    value = anchor_before(node)
    if value is None:
        return None
    if token_ids and _TOKEN.match(value):
        return value
    m = _ID.match(value)
    return m[2] if m and len(m[2]) >= 2 else None


def anchor_before(node: LexborNode) -> str | None:
    """The name of the `<a name>` just before a post (its permalink target), if any."""
    prev = node.prev
    hops = 0
    while prev is not None and hops < 4:
        anchor = prev if prev.tag == "a" else _only_anchor(prev)
        if anchor is not None:
            value = anchor.attributes.get("name") or anchor.attributes.get("id") or ""
            if value:
                return value
        if prev.tag and not prev.tag.startswith("-"):
            hops += 1
        prev = prev.prev
    return None


def token_anchors(sample: list[LexborNode]) -> bool:
    """Whether the members' anchors are ids in letters and digits: some can only be read whole
    ("dxr0evr"), so a digit run at the end of another ("dxrab640") is not its number."""
    for member in sample:
        value = anchor_before(member)
        if value and _TOKEN_ID.match(value) and not _ID.match(value):
            return True
    return False


_TOKEN_ID = re.compile(r"^(?=[a-z]*\d)(?=\d*[a-z])[a-z0-9]{5,16}$")
"""An anchor name that is a post's id written in letters and digits (base 36), not a word."""
_TOKEN = re.compile(r"^[a-z0-9]{4,16}$")
"""...and, once a page's anchors are known to be such ids, any one of them (some have no
digit: "dxriekq")."""


def _only_anchor(node: LexborNode) -> LexborNode | None:
    """The `<a name>` a wrapper holds and nothing else (`<p><a name="x1"></a></p>`)."""
    child = node.child
    found = None
    while child is not None:
        if child.tag == "a" and found is None and not (child.text_content or "").strip():
            found = child
        elif child.tag != "-text" or (child.text_content or "").strip():
            return None
        child = child.next
    return found


def _id_rank(name: str, custom: bool = False) -> int | None:
    """How surely a data attribute (any attribute of a custom element) holds the post's own
    id: a post id first, a bare id next; never a user's id, a position or a time."""
    if name.startswith("data-"):
        rest = name[5:]
    elif custom:
        rest = name
    else:
        return None
    if any(k in rest for k in ("user", "uid", "author", "index", "time", "date", "count")):
        return None
    if "pid" in rest or "post" in rest:
        return 0
    if "id" in rest or rest in ("content", "node"):
        return 1
    return None


def inner_post_id(
    member: LexborNode, body: LexborNode | None, counters: frozenset[str] | None = None
) -> str | None:
    """Failing its own markup, a post's number from an inner id or anchor outside its body,
    else (when the page's `counters` are known) from an inner element's post-id attribute
    (a wrapper around the element that names the post)."""
    for node in member.css("[id], a[name]"):
        if body is not None and _inside(node, body):
            continue
        m = _ID.match(node.attributes.get("id") or node.attributes.get("name") or "")
        if m and len(m[2]) >= 3:
            return m[2]
    if counters is None:
        return None
    for node in member.css("*"):
        if body is not None and _inside(node, body):
            continue
        for name, value in node.attributes.items():
            ranked = value and name not in counters and _id_rank(name) is not None
            if ranked and (hit := _NUM_ID.search(value) or _DATA_TOKEN.match(value)):
                return hit[1] if hit.groups() else value
    return None


_DATA_TOKEN = re.compile(r"^(?=[^\d]*\d)[A-Za-z0-9][A-Za-z0-9_-]{5,79}$")
"""A post id written in letters, digits and joiners (`sp_Ijn2_234_c_66RJ`), read whole."""
COUNTER_SHARE = 0.5
"""A data attribute on more than this share of the page's elements numbers the elements (a
render counter such as a React id), not the posts."""


def page_counters(measure: Measure) -> frozenset[str]:
    """Data attributes carried by most elements of the page."""
    counts: Counter[str] = Counter()
    for node in measure.elements:
        for name in node.attributes:
            if name.startswith("data-"):
                counts[name] += 1
    limit = COUNTER_SHARE * len(measure.elements)
    return frozenset(name for name, n in counts.items() if n > limit)


def _inside(node: LexborNode, ancestor: LexborNode) -> bool:
    parent = node
    while parent is not None:
        if parent.mem_id == ancestor.mem_id:
            return True
        parent = parent.parent
    return False


# Slots ---------------------------------------------------------------------------------------


Slot = tuple[tuple[str, str], ...]


def _step(node: LexborNode) -> tuple[str, str]:
    return (node.tag or "", _class_step(node.attributes.get("class") or ""))


@lru_cache(maxsize=4096)
def _class_step(cls: str) -> str:
    """A class attribute as a slot step: its tokens without numbers, sorted."""
    return " ".join(sorted(t for t in cls.split() if _kind_token(t)))


def _kind_token(token: str) -> bool:
    """A class token that says what an element is, not its state: tokens with numbers
    (`post-123`) and modifiers of a block already named (`item--minor`, `item--highlighted`)
    vary between posts of one kind."""
    if _DIGITS.search(token):
        return False
    block, mod, _rest = token.partition("--")
    return not (mod and block)


def walk(member: LexborNode) -> Iterator[tuple[Slot, LexborNode]]:
    """Every element under a member with its path of tag+class steps from the member."""
    stack: list[tuple[Slot, LexborNode]] = [((), member)]
    while stack:
        path, node = stack.pop()
        child = node.last_child
        while child is not None:
            tag = child.tag
            if tag and not tag.startswith("-") and tag not in _SKIP:
                sub = (*path, _step(child))
                yield sub, child
                if len(sub) < MAX_SLOT_DEPTH:
                    stack.append((sub, child))
            child = child.prev


def content_share(node: LexborNode, measure: Measure) -> float:
    """How much of a node's text is written content (text, paragraphs, inline markup, quotes)
    rather than further classed blocks: a post body is made of the former."""
    total = 0
    content = 0
    child = node.child
    while child is not None:
        tag = child.tag or ""
        if tag == "-text":
            n = len((child.text_content or "").strip())
            total += n
            content += n
        elif tag and not tag.startswith("-") and tag not in _SKIP:
            n = measure.text_len(child)
            total += n
            if tag in _CONTENT_TAGS or _plain_block(child):
                content += n
        child = child.next
    return content / total if total else 0.0


def _plain_block(node: LexborNode) -> bool:
    attrs = node.attributes
    cls = (attrs.get("class") or "").lower()
    return node.tag == "div" and ("quote" in cls or not (cls or attrs.get("id")))


def choose_body_slot(
    sample: list[LexborNode], measure: Measure, within: Slot | None = None
) -> Slot | None:
    """The slot most members have once, holding most of their text as written content.
    `within`: only slots under that one (`()`: anywhere) whose elements hold no name
    candidate and at least half its words, for a body that took in the post's by-line."""
    scores: Counter[Slot] = Counter()
    for member in sample:
        size = measure.text_len(member) or 1
        outer = at_slot(member, within) if within else None
        least = 0.5 * measure.text_len(outer) if outer is not None else 0.0
        seen: Counter[Slot] = Counter()
        nodes: dict[Slot, LexborNode] = {}
        for slot, node in walk(member):
            seen[slot] += 1
            nodes[slot] = node
        for slot, node in nodes.items():
            if seen[slot] != 1 or node.tag in _CHROME_TAGS:
                continue
            if within is not None and (
                slot[: len(within)] != within
                or len(slot) == len(within)
                or any(not _in_quote(n, node) for n in name_candidates(node))
            ):
                continue
            n = measure.text_len(node)
            if n < 0.1 * size or n < least:
                continue
            scores[slot] += n / size * content_share(node, measure)
    if not scores:
        return None
    return max(scores.items(), key=lambda kv: (kv[1], len(kv[0])))[0]


def at_slot(member: LexborNode, slot: Slot) -> LexborNode | None:
    """The element at a slot path under a member (first match at each step)."""
    node = member
    for tag, cls in slot:
        child = node.child
        while child is not None:
            if child.tag == tag and _step(child)[1] == cls:
                break
            child = child.next
        if child is None:
            return None
        node = child
    return node


def choose_name_slot(sample: list[LexborNode], bodies: list[LexborNode | None]) -> Slot | None:
    """The slot where most members have a short name outside their body; names that vary
    between posts beat a label every post repeats ("Find", "Quote")."""
    found: dict[Slot, list[str]] = {}
    order: dict[Slot, int] = {}
    for member, body in zip(sample, bodies, strict=True):
        cands = list(name_candidates(member))
        wanted = {n.mem_id for n in cands}
        outer = {p.mem_id for n in cands for p in _ancestors(n, member)}
        taken: set[Slot] = set()
        for i, (slot, node) in enumerate(_doc_order(member)):
            if node.mem_id not in wanted or node.mem_id in outer or slot in taken:
                continue
            if body is not None and _inside(node, body):
                continue
            text = inline_text(node)
            if looks_like_name(text) and not _in_quote(node, member):
                taken.add(slot)
                found.setdefault(slot, []).append(text)
                order[slot] = min(order.get(slot, i), i)
    if not found:
        return None

    def score(item: tuple[Slot, list[str]]) -> tuple[float, int]:
        slot, names = item
        variety = len(set(names)) / len(names)
        return (len(names) / len(sample) + 0.5 * variety, -order[slot])

    return max(found.items(), key=score)[0]


_NOT_NAME_TEXT = re.compile(r"#\s*\d|^\W*(?:re|aw|sv)\s*:|\d{1,2}:\d{2}", re.IGNORECASE)


def _innermost_texts(member: LexborNode, body: LexborNode | None) -> dict[Slot, str]:
    """Short name-like texts held by the innermost element that shows them, by slot, outside
    the body and quotes: where a name stands when it is neither a link nor classed as one."""
    out: dict[Slot, str] = {}
    texts: dict[int, str] = {}

    def text_of(node: LexborNode) -> str:
        if node.mem_id not in texts:
            texts[node.mem_id] = inline_text(node)
        return texts[node.mem_id]

    for slot, node in _doc_order(member):
        if slot in out or (body is not None and _inside(node, body)):
            continue
        if node.tag == "a" and "bookmark" in (node.attributes.get("rel") or "").split():
            continue  # rel="bookmark": the post's permalink, its text a title, never a name
        text = text_of(node)
        if dates.from_text(text):
            text = _name_before_date(text)
        if not looks_like_name(text) or _NOT_NAME_TEXT.search(text):
            continue
        if any(text_of(kid) == text for kid in _kids(node)):
            continue
        parent = node.parent
        if (
            len(slot) > 1
            and parent is not None
            and node.tag in _PHRASING
            and parent.tag in _PHRASING
            and text_of(parent) == text
            and _only_kid(parent)
        ):
            slot = slot[:-1]  # a linked name and a plain one ("<cite><a>" / "<cite><span>")
        if slot not in out and not _in_quote(node, member):
            out[slot] = text
    return out


def _only_kid(node: LexborNode) -> bool:
    kids = _kids(node)
    return next(kids, None) is not None and next(kids, None) is None


_BEFORE_DATE = re.compile(r"^(.{1,40}?)\s*(?:\||·|•|–|—|\s-\s|,)\s*(.+)$")


def _name_before_date(text: str) -> str:
    """The name of a header line that gives name and date in one ("Jo Doe | 21 April 2020");
    '' when the line is not a name and a date."""
    m = _BEFORE_DATE.match(text) if len(text) <= 90 else None
    if m is None or len(m[2]) > 48 or dates.from_text(m[1]) or not dates.from_text(m[2]):
        return ""
    return m[1].strip()


def _kids(node: LexborNode) -> Iterator[LexborNode]:
    child = node.child
    while child is not None:
        if child.tag and not child.tag.startswith("-"):
            yield child
        child = child.next


def choose_text_name_slot(
    sample: list[LexborNode], bodies: list[LexborNode | None]
) -> tuple[Slot | None, float]:
    """The short-text slot most members fill, with varying values (names recur, labels do not
    vary), earliest first; and the share of members that fill it."""
    found: dict[Slot, list[str]] = {}
    order: dict[Slot, int] = {}
    for member, body in zip(sample, bodies, strict=True):
        for i, (slot, text) in enumerate(_innermost_texts(member, body).items()):
            found.setdefault(slot, []).append(text)
            order[slot] = min(order.get(slot, i), i)
    best, best_key = None, (0.0, 0)
    for slot, names in found.items():
        presence = len(names) / len(sample)
        if presence < 0.5:
            continue
        key = (presence + 0.5 * len(set(names)) / len(names), -order[slot])
        if best is None or key > best_key:
            best, best_key = slot, key
    return best, (len(found[best]) / len(sample) if best is not None else 0.0)


def _text_name_presence(sample: list[LexborNode]) -> float:
    return choose_text_name_slot(sample, [None] * len(sample))[1]


def _ancestors(node: LexborNode, stop: LexborNode) -> Iterator[LexborNode]:
    """Ancestors of a name candidate (up to the member): the innermost candidate is the name,
    not the user block around it that also lists rank and post count."""
    parent = node.parent
    while parent is not None and parent.mem_id != stop.mem_id:
        yield parent
        parent = parent.parent


def _doc_order(member: LexborNode) -> list[tuple[Slot, LexborNode]]:
    out: list[tuple[Slot, LexborNode]] = []
    stack: list[tuple[Slot, LexborNode]] = [((), member)]
    while stack:
        path, node = stack.pop()
        kids = []
        child = node.child
        while child is not None:
            if child.tag and not child.tag.startswith("-") and child.tag not in _SKIP:
                kids.append(child)
            child = child.next
        for kid in reversed(kids):
            sub = (*path, _step(kid))
            stack.append((sub, kid))
        if path:
            out.append((path, node))
    return out


# Reading members -----------------------------------------------------------------------------


@dataclass
class Slots:
    """Where a family's members keep their body and author (chosen on a sample)."""

    body: Slot | None
    name: Slot | None
    by_line: bool = False
    """Authors stand in "by X on <date>" lines rather than in the name slot."""
    token_ids: bool = False
    """Anchors before the posts are ids in letters and digits, read whole."""
    counters: frozenset[str] = frozenset()
    """Data attributes that number the page's elements, not its posts."""


def read_family(
    members: list[LexborNode], measure: Measure, comments: list[LexborNode] | None = None
) -> list[RawPost]:
    """Each member as a post: body at the body slot, author at the name slot, id and date;
    a first post in another container before the members is read too; signatures that one
    author repeats at the end of several posts leave the bodies. `comments` (members of a
    finer family inside the posts, outside their bodies) are posts too, each after the post
    that holds it, in page order."""
    posts = [post for _pos, post in _read_members(members, measure, comments or [])]
    strip_signatures(posts)
    return posts


def _read_members(
    members: list[LexborNode], measure: Measure, comments: list[LexborNode]
) -> list[tuple[int, RawPost]]:
    sample = _spread(members, SAMPLE)
    body_slot = choose_body_slot(sample, measure)
    sample_bodies = [at_slot(m, body_slot) if body_slot else None for m in sample]
    name_slot = choose_name_slot(sample, sample_bodies)
    if body_slot and (name_slot is None or _presence(sample, name_slot) < 0.5):
        # the body took in the by-line: the words below it, else the best body without a name
        for within in (body_slot, ()):
            other = choose_body_slot(sample, measure, within=within)
            bodies = [at_slot(m, other) for m in sample] if other else []
            named = choose_name_slot(sample, bodies) if other else None
            if named is not None and _presence(sample, named) >= 0.5:
                body_slot, sample_bodies, name_slot = other, bodies, named
                break
    by_line = False
    if name_slot is None or _presence(sample, name_slot) < 0.5:
        lines = sum(1 for m, b in zip(sample, sample_bodies, strict=True) if _by_line(m, b))
        by_line = lines / len(sample) >= 0.5
        name_slot = choose_text_name_slot(sample, sample_bodies)[0] or name_slot
    slots = Slots(body_slot, name_slot, by_line, token_anchors(sample), page_counters(measure))
    lead = lead_post(members, body_slot, measure)
    posts: list[tuple[int, RawPost]] = []
    bodies: list[LexborNode] = []
    if lead is not None and (post := _read_member(*lead, slots)) is not None:
        posts.append((measure.position(lead[0]), post))
        bodies.append(lead[1])
    for member in members:
        body = at_slot(member, body_slot) if body_slot else None
        if body is None:
            body = _largest_content(member, measure)
        post = _read_member(member, body, slots) if body is not None else None
        if post is not None:
            posts.append((measure.position(member), post))
            bodies.append(body)
    if not comments:
        return posts
    bodies.sort(key=measure.position)
    starts = [measure.position(b) for b in bodies]
    own = [c for c in comments if not _in_any(c, bodies, starts, measure)]
    if len(own) >= MIN_NESTED:
        posts += _read_members(own, measure, [])
        posts.sort(key=lambda item: item[0])
    return posts


def _in_any(node: LexborNode, boxes: list[LexborNode], starts: list[int], measure: Measure) -> bool:
    """`node` lies in one of `boxes` (in page order, `starts` their positions)."""
    i = bisect_right(starts, measure.position(node)) - 1
    return i >= 0 and measure.inside(node, boxes[i])


def _by_line(member: LexborNode, body: LexborNode | None) -> str | None:
    return by_line_name(member, lambda n: body is None or not _inside(n, body))


def _read_member(member: LexborNode, body: LexborNode, slots: Slots) -> RawPost | None:
    card = _author_card(member, body)
    author = _attr_author(member) or _marked_author(card)
    if author is None and slots.by_line:
        author = _by_line(member, body)
    if author is None and slots.name is not None:
        node = at_slot(member, slots.name)
        author = name_text(node) if node is not None else None
        if author and not looks_like_name(author):
            author = _name_before_date(author) or author
    if not author:
        author = _first_name(member, body)
    date = (card is not None and _card_date(card, member, body)) or post_date(member, body)
    if date is None and (head := _dated_head(body)) is not None:
        date = dates.from_text(inline_text(head))
        head.decompose()
    if date is None:
        date = _stamp_line(member, body)
    parts, quotes = body_parts(body, find_quotes(body))
    if not parts:
        return None
    source_id = own_post_id(member, slots.token_ids, slots.counters) or inner_post_id(
        member, body, slots.counters
    )
    if source_id is None:
        source_id = number_text(member, lambda n: not _inside(n, body))
    return RawPost(
        source_id=source_id,
        author=author or None,
        parts=parts,
        quotes=quotes,
        date=date,
    )


def _stamp_line(member: LexborNode, body: LexborNode) -> dt.date | None:
    """The date of the first short line of its own outside the body with a date and a clock
    time ("发表于 2023-12-02 09:14"): when a post was written, where no markup says so (a date
    without a time is as often when its author joined)."""
    for node in member.css("span, small, div, time, em, abbr, td, p, font"):
        if node.child is None or _inside(node, body):
            continue
        text = node.text(deep=False).strip()
        if 0 < len(text) <= 40 and _CLOCK.search(text) and (found := dates.from_text(text)):
            return found
    return None


_NOT_HEAD = frozenset({"p", "blockquote", "pre", "ul", "ol", "li", "table", "code"})


def _dated_head(body: LexborNode) -> LexborNode | None:
    """The first row of a body that is a short dated line above the words ("Posted: Sat Apr
    10, 2004 9:12 am  Post subject: ..."): the post's header inside its message cell, not its
    text. Looked for through wrappers with one child; None when the body has no such row."""
    node = body
    kids = list(_kids(node))
    while len(kids) == 1:
        node = kids[0]
        kids = list(_kids(node))
    if len(kids) < 2 or kids[0].tag in _NOT_HEAD:
        return None
    head = kids[0]
    if any(k.tag == "blockquote" or "quote" in (k.attributes.get("class") or "") for k in kids[:2]):
        return None  # a quote's attribution line ("Quote from: X on <date>") heads a quote
    text = inline_text(head)
    if not text or len(text) > 160 or head.css_first("blockquote") is not None:
        return None
    rest = sum(len(inline_text(k)) for k in kids[1:])
    return head if rest > len(text) and dates.from_text(text) else None


def lead_post(
    members: list[LexborNode], body_slot: Slot | None, measure: Measure
) -> tuple[LexborNode, LexborNode] | None:
    """A first post kept in another container than the replies (a discussion above its
    comments): the one element before the first member that has the members' body step, with
    the container around it that names its post (or the largest one that holds no member).
    Returns (container, body)."""
    if not body_slot:
        return None
    first = measure.position(members[0])
    found: list[LexborNode] = []
    for step in (body_slot[-1], *body_slot[-2:-1]):
        # a body of one paragraph in each member: the lead post's several paragraphs stand
        # in the element one step up (`div.md > p` in a reply, `div.md` holding the lead's)
        found = [
            n
            for n in measure.elements[:first]
            if measure.subtree_end(n) < first and _step(n) == step and measure.text_len(n)
        ]
        if len(found) == 1:
            break
    if len(found) != 1:
        return None
    body = found[0]
    box, named = body, None
    parent = body.parent
    while parent is not None and measure.subtree_end(parent) < first and parent.tag != "body":
        box = parent
        if named is None and own_post_id(parent):
            named = parent
        parent = parent.parent
    container = named or box
    if _attr_author(container) is None and _first_name(container, body) is None:
        return None
    return container, body


def name_text(node: LexborNode) -> str:
    """A name element's text up to its first line break: what follows on a line of its own
    is a badge or a title ("Jo Doe<br><span>Author</span>")."""
    parts: list[str] = []
    child = node.child
    while child is not None:
        if child.tag == "br":
            first = clean(" ".join(parts))
            if first:
                return first
            parts = []
        elif child.tag == "-text":
            parts.append(child.text_content or "")
        elif child.tag and not child.tag.startswith("-"):
            parts.append(child.text(deep=True, separator=" "))
        child = child.next
    return inline_text(node)


def _first_name(member: LexborNode, body: LexborNode) -> str | None:
    """The innermost name candidate outside the body (the name, not the user block around
    it that also shows a rank)."""
    cands = [n for n in name_candidates(member) if not _inside(n, body)]
    outer = {p.mem_id for n in cands for p in _ancestors(n, member)}
    for node in cands:
        text = name_text(node)
        if node.mem_id not in outer and looks_like_name(text):
            return text
    for node in cands:
        text = name_text(node)
        if looks_like_name(text):
            return text
    return None


def _presence(sample: list[LexborNode], slot: Slot) -> float:
    return sum(1 for m in sample if at_slot(m, slot) is not None) / len(sample)


def _largest_content(member: LexborNode, measure: Measure) -> LexborNode | None:
    """The element with most written content (`walk`'s elements, in its order): the body of
    a member whose body slot is missing. A node's content can be no more than its text, so
    nodes with less text than the best so far are not weighed."""
    best, best_score = None, 0.0
    stack: list[tuple[int, LexborNode]] = [(0, member)]
    while stack:
        depth, node = stack.pop()
        child = node.last_child
        while child is not None:
            tag = child.tag
            if tag and not tag.startswith("-") and tag not in _SKIP:
                size = measure.text_len(child)
                if size > best_score:
                    score = size * content_share(child, measure)
                    if score > best_score:
                        best, best_score = child, score
                if depth + 1 < MAX_SLOT_DEPTH:
                    stack.append((depth + 1, child))
            child = child.prev
    return best


def post_date(member: LexborNode, body: LexborNode) -> dt.date | None:
    """The first date outside the body: a <time>, a date-classed element, a title attribute."""
    for node in member.css("time, [datetime], [data-time], [data-timestamp]"):
        if not _inside(node, body):
            value = dates.from_node(node)
            if value:
                return value
    for node in member.css("[class], [title]"):
        if _inside(node, body):
            continue
        cls = node.attributes.get("class") or ""
        if _DATE_CLASS.search(cls):
            text = inline_text(node)
            value = dates.from_text(text[:120]) or dates.from_text(node.attributes.get("title"))
            if value:
                return value
    for node in member.css("*"):
        for name, value in node.attributes.items():
            if name.startswith("data-") and name.endswith("timestamp") and not _inside(node, body):
                stamp = dates.from_timestamp(value)
                if stamp:
                    return stamp
    if _custom(member.tag):
        for name, value in member.attributes.items():
            if _TIME_ATTR.search(name) and (stamp := dates.from_iso(value)):
                return stamp
    return None


_TIME_ATTR = re.compile(r"creat|time|date|^ts$")
"""A custom element's own attribute naming when it was made ("created", "created-timestamp")."""

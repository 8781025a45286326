"""Hand-labelling helper for whole real threads flattened to text (the flat truth format).

A person reads each page and writes a small spec for it (a dict in a specs file): the line
pattern that starts or ends a post on that page, the author field, how quotes are attributed and
marked, which lines are chrome, plus hand overrides and a note for every judgement call.
`review` prints what the spec proposes (every post and quote, with the proposed quote target) so
that it can be read against the page; `write` writes `NAME.expected.toml` beside `NAME.txt`.
Targets are proposed from the page's own words (the earlier post that holds the quoted words),
never from a list of cases; every proposal is read by hand before it is written.

usage: label_pages.py review|write DIR SPECS.py [NAME ...]
SPECS.py defines `S = {NAME: spec}`; the spec keys are documented in `build` below.
"""

from __future__ import annotations

import importlib.util
import json
import os
import re
import sys
import tomllib

Post = dict
ATTR_ENDING = re.compile(r"(wrote|writes|schrieb|crit|escribi\w*|rta)$")
BB_TAG = re.compile(r"\[quote(?:=\"?([^\],\"]*)[^\]]*)?\]|\[/quote\]", re.I)
BB_STRIP = re.compile(r"\[/?quote[^\]]*\]")


def norm(s: str) -> str:
    """Lower-case words only, so that wrapping, markup and punctuation do not hide a repeat."""
    return " ".join(re.sub(r"[^\w]+", " ", s.lower()).split())


def nonblank_back(lines: list[str], i: int) -> int:
    while i >= 0 and not lines[i].strip():
        i -= 1
    return i


def next_nonblank(lines: list[str], j: int) -> int:
    while j < len(lines) and not lines[j].strip():
        j += 1
    return j


def post_starts(lines: list[str], sp: dict) -> list[int]:
    """First lines of the posts: given, found by a start pattern (+offset) or after an end one."""
    first, last = sp["first"], sp["last"]
    starts = list(sp.get("starts", []))
    if "start_re" in sp:
        rx, off = re.compile(sp["start_re"]), sp.get("start_off", 0)
        found = [i + 1 + off for i in range(first - 1 - min(0, off), last) if rx.search(lines[i])]
        starts = [s for s in starts + found if first <= s <= last]
    elif "end_re" in sp:
        rx, off = re.compile(sp["end_re"]), sp.get("end_off", 0)
        ends = [i + 1 + off for i in range(first - 1, last) if rx.search(lines[i])]
        if ends and ends[-1] >= last - sp.get("end_slack", 0):
            ends = ends[:-1]
        starts = [first] + [next_nonblank(lines, e) + 1 for e in ends]
    starts = sorted((set(starts) | set(sp.get("add_starts", []))) - set(sp.get("drop_starts", [])))
    return sorted(set(starts) | {first})


def post_end(lines: list[str], sp: dict, s: int, e: int) -> int:
    """Last line of a post: before chrome that ends it (a rule line, an ad) or at its own footer."""
    e = nonblank_back(lines, e - 1) + 1
    if sp.get("end_cut_re"):
        cx = re.compile(sp["end_cut_re"])
        cut = next((i for i in range(s, e) if cx.search(lines[i])), None)
        if cut is not None:
            e = nonblank_back(lines, cut - 1) + 1
    if sp.get("end_at_re"):
        ex = re.compile(sp["end_at_re"])
        hits = [i for i in range(s - 1, e) if ex.search(lines[i])]
        if hits:
            e = hits[-1] + 1
    for x in sp.get("cut_before", []):
        if s < x <= e:
            e = nonblank_back(lines, x - 2) + 1
    return e


def frame_fields(lines: list[str], sp: dict, p: Post) -> None:
    """Author and header lines, read off the post's first lines."""
    s, e = p["lines"]
    if sp.get("author_re"):
        arx = re.compile(sp["author_re"])
        for i in range(s - 1, min(e, s - 1 + sp.get("author_span", 3))):
            m = arx.search(lines[i])
            if m and m.group(1):
                p["author"] = m.group(1).strip()
                break
    if sp.get("header_to_blank"):
        i = s - 1
        while i < e and lines[i].strip():
            i += 1
        p["header"] = [s, i]
    if sp.get("header_end_re"):
        hx = re.compile(sp["header_end_re"])
        for i in range(s - 1, min(e, s - 1 + sp.get("header_span", 12))):
            if hx.search(lines[i]):
                p["header"] = [s, i + 1 + sp.get("header_end_off", 0)]
                break


def quotes_marked(lines: list[str], sp: dict, p: Post) -> list[dict]:
    """Attribution, then quoted lines told by a line pattern (indent, '>') or by an end line."""
    qattr = re.compile(sp["quote_attr_re"]) if sp.get("quote_attr_re") else None
    qline = re.compile(sp["quote_line_re"]) if sp.get("quote_line_re") else None
    qend = re.compile(sp["quote_end_re"]) if sp.get("quote_end_re") else None
    s, e = p["lines"]
    qs, i = [], s - 1
    while i < e:
        line = lines[i]
        m = qattr.search(line) if qattr else None
        if m:
            who = ((m.group(1) if m.groups() else None) or "").strip() or None
            glued = sp.get("attr_glued") and m.end() < len(line.rstrip())
            a = i if glued else next_nonblank(lines, i + 1)
            b = a
            if qend:
                while b < e and not qend.search(lines[b]):
                    b += 1
                nxt, b = b + 1, nonblank_back(lines, b - 1)
            else:
                while (
                    b < e
                    and (not lines[b].strip() or qline.search(lines[b]))
                    and not (b > a and qattr.search(lines[b]) and not qline.search(lines[b]))
                ):
                    b += 1
                b = nonblank_back(lines, b - 1)
                nxt = b + 1
            if b >= a:
                qs.append({"lines": [a + 1, b + 1], "who": who})
            i = nxt
            continue
        if not qattr and qline and qline.search(line):
            b = i
            while b < e and (
                qline.search(lines[b])
                or (not lines[b].strip() and b + 1 < e and qline.search(lines[b + 1]))
            ):
                b += 1
            qs.append({"lines": [i + 1, b], "who": None})
            i = b
            continue
        i += 1
    return qs


def quotes_by_words(lines: list[str], sp: dict, posts: list[Post], k: int) -> list[dict]:
    """Attribution, unmarked quoted lines: the quote runs on while they repeat an earlier post."""
    ax = re.compile(sp["attr_match_re"])
    nest = re.compile(sp.get("attr_nest_re", r"^$a"))
    ptexts = [norm(" ".join(lines[q["lines"][0] - 1 : q["lines"][1]])) for q in posts]
    s, e = posts[k]["lines"]
    qs, i = [], s
    while i < e:
        m = ax.search(lines[i])
        if not m:
            i += 1
            continue
        j, last, cand, prev_ok = i + 1, None, set(range(k)), False
        while j < e:
            t = norm(lines[j])
            if not t or nest.search(lines[j]):
                j += 1
                continue
            hit = {x for x in cand if f" {t} " in f" {ptexts[x]} "}
            if hit and (len(t.split()) >= 3 or prev_ok):
                cand, last, prev_ok = hit, j, True
            elif hit and last is None:
                cand = hit
            else:
                break
            j += 1
        if last is None:
            i += 1
            continue
        a = i + 1
        while not norm(lines[a]) or nest.search(lines[a]):
            a += 1
        qs.append({"lines": [a + 1, last + 1], "who": (m.group(1) or "").strip() or None})
        i = last + 1
    return qs


def quotes_mail(lines: list[str], p: Post) -> list[dict]:
    """'>' quoting: one quote per run of consecutive '>' lines, whatever their depth."""
    s, e = p["lines"]
    runs, cur = [], None
    for i in range(s - 1, e):
        m = re.match(r"^((?:[ \t]?>)+)", lines[i])
        if not m:
            if cur:
                runs.append(cur)
            cur = None
            continue
        cur = cur or {"lines": [i + 1, i + 1], "w": False, "who": None}
        cur["lines"][1] = i + 1
        cur["w"] = cur["w"] or bool(re.search(r"\w", lines[i][m.end() :]))
    if cur:
        runs.append(cur)

    def words(i: int) -> str:
        return norm(re.sub(r"^[\s>]+", "", lines[i - 1]))

    qs = []
    for q in runs:
        a, b = q["lines"]
        while a < b and not re.search(r"\w", words(a)):
            a += 1
        while b > a and not re.search(r"\w", words(b)):
            b -= 1
        ws = [w for w in (words(i) for i in range(a, b + 1)) if w]
        attribution_only = bool(ws) and all(
            ATTR_ENDING.search(w) or re.match(r"^on .* (wrote|schrieb)", w) for w in ws
        )
        if q["w"] and not attribution_only:
            qs.append({"lines": [a, b], "who": None})
    return qs


def quotes_bbcode(lines: list[str], p: Post) -> list[dict]:
    """[quote...]...[/quote], outermost; a line with the opening tag and words is in the quote."""
    s, e = p["lines"]
    qs, depth, cur = [], 0, None
    for i in range(s - 1, e):
        line = lines[i]
        for m in BB_TAG.finditer(line):
            if m.group(0).lower().startswith("[quote"):
                if depth == 0:
                    pn = re.search(r"post:(\d+)", m.group(0))
                    cur = {
                        "lines": [i + 1 if line[m.end() :].strip() else i + 2, None],
                        "who": (m.group(1) or "").strip() or None,
                        "postnum": int(pn.group(1)) if pn else None,
                    }
                depth += 1
            elif depth:
                depth -= 1
                if depth == 0 and cur:
                    cur["lines"][1] = i + 1 if line[: m.start()].strip() else i
                    a, b = cur["lines"]
                    body = " ".join(lines[a - 1 : b]) if b >= a else ""
                    if re.search(r"\w{2}", BB_STRIP.sub("", body)):
                        qs.append(cur)
                    cur = None
    return qs


def quote_key(lines: list[str], sp: dict, q: dict) -> str:
    """The words a quote opens with: its first line long enough to be telling."""
    strip = re.compile(sp["quote_strip_re"]) if sp.get("quote_strip_re") else None
    ql = [
        norm(BB_STRIP.sub("", strip.sub("", x) if strip else x))
        for x in lines[q["lines"][0] - 1 : q["lines"][1]]
    ]
    ql = [x for x in ql if len(x) > 3]
    if sp.get("key_skip_re"):
        ql = [x for x in ql if not re.search(sp["key_skip_re"], x)] or ql
    good = [x for x in ql if len(x) >= (25 if sp.get("mail_quotes") else 18)]
    ql = good or sorted(ql, key=len, reverse=True)
    return ql[0][:50] if ql else ""


def propose_targets(lines: list[str], sp: dict, posts: list[Post]) -> None:
    """Propose each quote's target from the words it repeats; other holders become alt_links."""
    texts = [norm(" ".join(lines[p["lines"][0] - 1 : p["lines"][1]])) for p in posts]
    owntexts = []
    for p in posts:
        inq = {i for q in p["quotes"] for i in range(q["lines"][0], q["lines"][1] + 1)}
        owntexts.append(
            norm(
                " ".join(
                    lines[i - 1]
                    for i in range(p["lines"][0], p["lines"][1] + 1)
                    if i not in inq and not lines[i - 1].lstrip().startswith(">")
                )
            )
        )

    def nm(x: str | None) -> str:
        return re.sub(r"[\W_]", "", (x or "").lower())

    for k, p in enumerate(posts):
        for q in p["quotes"]:
            key = quote_key(lines, sp, q)
            cands = [j for j in range(k) if key and key in texts[j]]
            if sp.get("origin_targets"):
                own = [j for j in cands if key in owntexts[j]]
                named = [
                    j for j in cands if q.get("who") and nm(posts[j].get("author")) == nm(q["who"])
                ]
                named_own = [j for j in named if key in owntexts[j]]
                pick = named_own[:1] or named[-1:] or own[:1] or cands[-1:]
                q["alts"] = [j + 1 for j in cands if j not in pick]
                cands = pick
            elif q.get("who"):
                named = [
                    j for j in cands if (posts[j].get("author") or "").lower() == q["who"].lower()
                ]
                cands = named or cands
            q["target"] = cands[-1] + 1 if cands else None
            q["key"] = key


def apply_overrides(sp: dict, posts: list[Post], postnums: dict[int, int]) -> None:
    """Hand decisions: targets named by the page (post:n), fixed, dropped and set quotes."""
    for p in posts:
        for q in p["quotes"]:
            t = postnums.get(q.get("postnum") or -1)
            if t:
                if t != q.get("target") and q.get("target"):
                    q["alts"] = sorted(set(q.get("alts", [])) | {q["target"]})
                q["target"] = t
    if sp.get("drop_quote_key"):
        for p in posts:
            p["quotes"] = [q for q in p["quotes"] if not q["key"].startswith(sp["drop_quote_key"])]
    for (pn, qn), t in sp.get("fix_quotes", {}).items():
        posts[pn - 1]["quotes"][qn - 1]["target"] = t
    for pn, qn in sorted(sp.get("drop_quotes", []), reverse=True):
        del posts[pn - 1]["quotes"][qn - 1]
    for pn, qs in sp.get("set_quotes", {}).items():
        posts[pn - 1]["quotes"] = [
            {"lines": [a, b], "target": t, "who": None, "key": "(set)"} for a, b, t in qs
        ]


def build(path: str, sp: dict) -> tuple[list[str], list[Post]]:
    """Posts and quotes of one page from its spec.

    Spec keys: first/last (first line of post 1, last line of the last post); starts, start_re +
    start_off, or end_re + end_off; add_starts/drop_starts; end_cut_re, end_at_re, cut_before;
    author_re + author_span, authors {n: name}; header_to_blank or header_end_re (+span, +off);
    alt {line: [lines]}, alt_also_re (a second line within 4 that is also a right start);
    quotes: quote_attr_re + quote_line_re / quote_end_re (attr_glued), attr_match_re
    (+attr_nest_re),
    mail_quotes, bbcode_quotes; targets: origin_targets, key_skip_re, quote_strip_re;
    overrides: set_quotes {post: [(a, b, target|None)]}, fix_quotes {(post, n): target},
    drop_quotes [(post, n)], drop_quote_key, alt_links [[line, target]]; url, origin, tool, notes.
    """
    with open(path, encoding="utf-8") as f:
        lines = f.read().split("\n")
    starts = post_starts(lines, sp)
    posts: list[Post] = []
    for k, s in enumerate(starts):
        e = (starts[k + 1] - 1) if k + 1 < len(starts) else sp["last"]
        posts.append({"lines": [s, post_end(lines, sp, s, e)]})
    for p in posts:
        frame_fields(lines, sp, p)
    if sp.get("alt_also_re"):
        ax = re.compile(sp["alt_also_re"])
        sp.setdefault("alt", {})
        for p in posts:
            s0 = p["lines"][0]
            near = range(s0, min(p["lines"][1], s0 + 4))
            hit = next((i for i in near if ax.search(lines[i])), None)
            if hit is not None:
                sp["alt"][s0] = [s0, hit + 1]
    for k, v in sp.get("authors", {}).items():
        posts[k - 1]["author"] = v
    for k, p in enumerate(posts):
        if sp.get("attr_match_re"):
            p["quotes"] = quotes_by_words(lines, sp, posts, k)
        elif sp.get("mail_quotes"):
            p["quotes"] = quotes_mail(lines, p)
        elif sp.get("bbcode_quotes"):
            p["quotes"] = quotes_bbcode(lines, p)
        else:
            p["quotes"] = quotes_marked(lines, sp, p)
    postnums = {}
    for k, p in enumerate(posts):
        m = re.search(r"#(\d+)$", lines[p["lines"][0] - 1].strip())
        if m and sp.get("bbcode_quotes"):
            postnums[int(m.group(1))] = k + 1
    propose_targets(lines, sp, posts)
    apply_overrides(sp, posts, postnums)
    return lines, posts


def review(path: str, name: str, sp: dict) -> None:
    lines, posts = build(path, sp)
    print(f"== {name}: {len(posts)} posts, {sum(len(p['quotes']) for p in posts)} quotes")
    for k, p in enumerate(posts, 1):
        s, e = p["lines"]
        print(
            f"#{k} {s}-{e} au={p.get('author')} hd={p.get('header')} | "
            f"{lines[s - 1].strip()[:60]!r} .. {lines[e - 1].strip()[:50]!r}"
        )
        for q in p["quotes"]:
            a, b = q["lines"]
            print(
                f"     q {q['lines']} who={q['who']} -> {q['target']} alts={q.get('alts')}  "
                f"{lines[a - 1].strip()[:50]!r} .. {lines[b - 1].strip()[:30]!r}"
            )


def toml_value(v) -> str:
    return json.dumps(v, ensure_ascii=False)


def write(path: str, name: str, sp: dict) -> tuple[int, int]:
    lines, posts = build(path, sp)
    out = [
        f"# {name}: hand-labelled real forum page flattened to text ({sp['url']}),",
        f"# saved page from {sp['origin']}; laid out as text by {sp['tool']}; "
        "labelled per ../flat_real/GUIDELINE.md + GUIDELINE2.md.",
        "# Lines are 1-based and inclusive; a post's header/footer lines belong to it; "
        "quote lines are the",
        "# quoted text without its attribution line; external_quotes quote posts that are "
        "not on this page.",
    ]
    out += ["# note: " + x for x in sp.get("notes", [])]
    if sp.get("title_line"):
        out.append(f"title = {toml_value(lines[sp['title_line'] - 1].strip())}")
        out.append(f"title_line = {sp['title_line']}")
    inpost = {i for p in posts for i in range(p["lines"][0], p["lines"][1] + 1)}
    chrome = [i for i in range(1, len(lines) + 1) if lines[i - 1].strip() and i not in inpost]
    out.append(f"boilerplate_lines = {toml_value(chrome)}")
    if sp.get("alt"):
        out.append(
            "alt_starts = { "
            + ", ".join(f'"{k}" = {toml_value(v)}' for k, v in sp["alt"].items())
            + " }"
        )
    alt_links = list(sp.get("alt_links", []))
    for p in posts:
        for q in p["quotes"]:
            if q.get("target"):
                alt_links += [[q["lines"][0], t] for t in q.get("alts", []) if t != q["target"]]
    if alt_links:
        out.append(f"alt_links = {toml_value(alt_links)}")
    ext = [q for p in posts for q in p["quotes"] if not q["target"]]
    if ext:
        out.append(
            "external_quotes = ["
            + ", ".join(f"{{ lines = {toml_value(q['lines'])} }}" for q in ext)
            + "]"
        )
    prev = 0
    for k, p in enumerate(posts, 1):
        s, e = p["lines"]
        assert prev < s <= e <= len(lines), (name, k)
        assert lines[s - 1].strip() and lines[e - 1].strip(), (name, k)
        prev = e
        out += ["", "[[posts]]", f"number = {k}", f"lines = [{s}, {e}]"]
        if p.get("author"):
            out.append(f"author = {toml_value(p['author'])}")
        if p.get("header"):
            out.append(f"header = {toml_value(p['header'])}")
        for q in p["quotes"]:
            assert s <= q["lines"][0] <= q["lines"][1] <= e, (name, k, q)
        qs = [q for q in p["quotes"] if q["target"]]
        if qs:
            out.append(
                "quotes = ["
                + ", ".join(
                    f"{{ target = {q['target']}, lines = {toml_value(q['lines'])} }}" for q in qs
                )
                + "]"
            )
    target = path[:-4] + ".expected.toml"
    with open(target, "w", encoding="utf-8") as f:
        f.write("\n".join(out) + "\n")
    with open(target, "rb") as f:
        tomllib.load(f)
    return len(posts), sum(len(p["quotes"]) for p in posts)


def load_specs(path: str) -> dict:
    spec = importlib.util.spec_from_file_location("page_specs", path)
    mod = importlib.util.module_from_spec(spec)
    sys.path.insert(0, os.path.dirname(os.path.abspath(path)))
    spec.loader.exec_module(mod)
    return mod.S


def main() -> int:
    if len(sys.argv) < 4 or sys.argv[1] not in ("review", "write"):
        print(__doc__.strip().splitlines()[-2], file=sys.stderr)
        return 2
    cmd, folder, specs_path, *names = sys.argv[1:]
    specs = load_specs(specs_path)
    for name in names or list(specs):
        path = os.path.join(folder, name + ".txt")
        if cmd == "review":
            review(path, name, specs[name])
        else:
            print(name, write(path, name, specs[name]))
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""label_pages.py (benchmarks/flat_real2) with one more quote reader, for mail and news archives.

Mail clients wrap quoted lines and leave the overflow word unquoted ('> ... by which' / 'the' /
'> COBOL standard ...'), and some archives replace quoted lines with an elision note
('…[3 more quoted lines elided]…'). Both split a run of '>' lines although the quote goes on, so
here a run may pass over such lines: a short unquoted line (three words or fewer) or an elision
note with '>' lines on both sides; a quote never starts or ends on such a line. Everything else
is label_pages.py as it is.

usage: label_dev.py review|write DIR SPECS.py [NAME ...]
"""

from __future__ import annotations

import os
import re
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "flat_real2"))
import label_pages as lp

QUOTED = re.compile(r"^(?:[ \t]?>)+")
ELIDED = re.compile(r"^\W*\[\d+ more quoted lines? elided\]\W*$")


def bridges(lines: list[str], i: int, s: int, e: int) -> bool:
    """True if line i (0-based) sits inside a quote: a wrap remnant or an elision note."""
    line = lines[i].strip()
    if not line or QUOTED.match(lines[i]):
        return False
    if not (s - 1 < i < e - 1 and QUOTED.match(lines[i - 1]) and QUOTED.match(lines[i + 1])):
        return False
    return bool(ELIDED.match(line)) or len(line.split()) <= 3


def quotes_mail_wrapped(lines: list[str], p: dict) -> list[dict]:
    """One quote per run of '>' lines, the run passing over wrap remnants and elision notes."""
    s, e = p["lines"]
    masked, bridged = list(lines), set()
    for i in range(s - 1, e):
        if bridges(lines, i, s, e):
            masked[i] = "> " + lines[i]
            bridged.add(i + 1)
    qs = []
    for q in orig_quotes_mail(masked, p):
        a, b = q["lines"]
        while a < b and (a in bridged or not re.search(r"\w", QUOTED.sub("", lines[a - 1]))):
            a += 1
        while b > a and (b in bridged or not re.search(r"\w", QUOTED.sub("", lines[b - 1]))):
            b -= 1
        if a not in bridged:
            qs.append({**q, "lines": [a, b]})
    return qs


orig_quotes_mail = lp.quotes_mail
lp.quotes_mail = quotes_mail_wrapped

if __name__ == "__main__":
    sys.exit(lp.main())

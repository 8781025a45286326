"""Render a scorecard as plain-text tables (what `threadscore score` prints by default).

Plain text on purpose: the command's output is read in terminals, pipes and test logs alike,
and `scoring` must not depend on the reader's rendering libraries.
"""

from __future__ import annotations

from typing import Any

from scoring.models import VERDICTS, Scorecard
from scoring.tally import with_effective_tallies


def _types(counts: dict[str, int]) -> str:
    return ", ".join(f"{k} {v}" for k, v in counts.items()) or "—"


def _cut(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def format_table(card: Scorecard, full: bool = False) -> str:
    """Posts, then authors (or posts, where authors are unknown), then the thread's totals.

    Counts follow the effective verdicts. Reasons are cut to fit a terminal line unless `full`
    (output to a pipe or a file, where nothing should be lost).
    """
    card = with_effective_tallies(card)
    out = [
        f"title: {card.title or '(none found)'}",
        f"source: {card.source_path}",
        "",
        f"{'#':>4}  {'verdict':<13}{'str':>5}{'cl':>4}{'ev':>4}  {'rebuts':<8}{'why'}",
    ]
    for post in card.posts:
        verdict = card.effective_verdict(post.number)
        flag = "*" if verdict != post.verdict else " "
        rebuts = ",".join(f"#{n}" for n in post.rebuts) or "—"
        reason = post.reason if full else _cut(post.reason, 60)
        out.append(
            f"{post.number:>4}  {verdict:<12}{flag}{post.strength:>5.2f}{post.claims:>4}"
            f"{post.evidence:>4}  {_cut(rebuts, 7):<8}{reason}"
        )
    if any(card.effective_verdict(p.number) != p.verdict for p in card.posts):
        out.append("  * the user's verdict; the computed one is in the scorecard file")
    known = any(a.known for a in card.authors)
    out += [
        "",
        f"{'author' if known else 'post':<20}{'posts':>6}{'claims':>7}{'evid':>6}{'rate':>6}"
        f"{'chal':>6}{'recv':>6}{'ans':>5}  evidence types",
    ]
    for a in card.authors:
        out.append(
            f"{_cut(a.author, 19):<20}{a.posts:>6}{a.claims:>7}{a.evidence:>6}"
            f"{a.evidence_rate:>6.2f}{a.challenges_made:>6}{a.challenges_received:>6}"
            f"{a.challenges_answered:>5}  {_types(a.evidence_by_type)}"
        )
    t = card.totals
    verdicts = ", ".join(f"{v} {t.verdicts.get(v, 0)}" for v in VERDICTS)
    overridden = (
        f"; {t.overridden} verdict(s) overridden, computed {t.computed_evidence_rate:.2f}"
        if t.overridden
        else ""
    )
    out += [
        "",
        f"thread: {t.posts} posts, {t.claims} claims, {t.evidence} evidence; {verdicts}",
        f"evidence rate {t.evidence_rate:.2f} (evidenced / arguing posts{overridden}); "
        f"challenges {t.challenges_received}, answered with evidence {t.challenges_answered}",
        f"evidence by type: {_types(t.evidence_by_type)}",
    ]
    if card.user.orphans:
        out.append(f"{len(card.user.orphans)} mark(s) could not be re-attached (kept in the file)")
    return "\n".join(out)


def to_json(card: Scorecard) -> dict[str, Any]:
    """The `threadscore score --json` document: the scorecard plus each effective verdict, with
    tallies on the effective verdicts (as in the scorecard file)."""
    card = with_effective_tallies(card)
    data = card.model_dump(mode="json")
    for post, entry in zip(card.posts, data["posts"], strict=True):
        entry["effective_verdict"] = card.effective_verdict(post.number)
    data["user"] = {
        "marks": list(data["user"]["marks"].values()),
        "orphans": data["user"]["orphans"],
    }
    return data

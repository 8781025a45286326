"""How often the reader's preview shows the posts the whole parse makes, on real dumps.

Run: `.venv/bin/python benchmarks/preview_check.py [--share 0.3] [--reader DIR]`

Every text dump in ../shared (the seed, flat/, iac/) is previewed from the first `share` of
its characters (the reader previews dumps of 0.5 MB or more from their first 128 KiB; the
shared dumps are smaller, so the cut is made relative; `--reader DIR` previews the dumps in
DIR of over 160 KB as the reader does, from their first 128 KiB). For each it prints how many of the
preview's posts equal the whole parse's post of the same number (all fields), and where the
first one differs. A post that differs is shown until the whole parse replaces it.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--share", type=float, default=0.3)
    parser.add_argument("--reader", type=Path, help="a folder of bigger dumps")
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    import parsing.load as load

    chars = load.PREVIEW_CHARS
    if args.reader:
        dumps = sorted(p for p in args.reader.glob("*.txt") if p.stat().st_size > 160_000)
    else:
        dumps = sorted(SHARED.glob("fixtures/*.txt")) + sorted(SHARED.glob("datasets/flat/*.txt"))
        dumps += sorted(SHARED.glob("datasets/iac/*.txt"))
    threads = posts = same = whole_same = 0
    for path in dumps:
        read = load.read_inputs(path)
        text = read[0][1]
        load.PREVIEW_FROM = 0
        load.PREVIEW_CHARS = chars if args.reader else int(len(text) * args.share)
        try:
            preview = load.preview_inputs(read)
            full = load.parse_inputs(read)
        except Exception as exc:  # a dump the parser refuses: not the preview's concern
            print(f"{path.name}: {type(exc).__name__}")
            continue
        if preview is None:
            continue
        pairs = list(zip(preview.posts, full.posts, strict=False))
        equal = [a == b for a, b in pairs]
        first_diff = equal.index(False) + 1 if False in equal else None
        threads += 1
        posts += len(pairs)
        same += sum(equal)
        whole_same += first_diff is None
        if first_diff is not None:
            print(f"{path.name}: {sum(equal)}/{len(pairs)} equal, first differs at #{first_diff}")
    cut = f"{chars:,} characters" if args.reader else f"{args.share:.0%}"
    print(
        f"{threads} dumps previewed from their first {cut}: {same}/{posts} preview "
        f"posts equal the whole parse's ({same / max(posts, 1):.1%}); {whole_same} dumps "
        "with every preview post equal"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())

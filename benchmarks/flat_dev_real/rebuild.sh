#!/bin/sh
# rebuild.sh MIRRORS OUT: re-create the flat_dev_real pages from the fetched repositories.
# MIRRORS holds the fetch tool's snapshots (owner+name/repo or owner+name/repo/.git); each page is
# read at the commit in pages.tsv, saved as OUT/src/html/NAME.html (HTML pages), laid out as text
# with ../flat_real2/flatten.sh (or kept verbatim for text archives) and, where keep_lines is set,
# cut after that many lines (a partial crawl of a long page). If OUT/NAME.txt exists the new text
# must be identical to it; otherwise it is written.
set -e
HERE=$(cd "$(dirname "$0")" && pwd)
PAGES=${PAGES:-$HERE/pages.tsv}  # another set's list (flat_dev_real2/pages.tsv)
MIRRORS=$1; OUT=$2
[ -d "$MIRRORS" ] && [ -d "$OUT" ] || { echo "usage: rebuild.sh MIRRORS OUT" >&2; exit 2; }
mkdir -p "$OUT/src/html"
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
grep -v '^#' "$PAGES" | while IFS='	' read -r name repo commit path tool keep; do
  d="$MIRRORS/$(echo "$repo" | tr / +)/repo"; [ -d "$d/.git" ] && d="$d/.git"
  if [ "$tool" = none ]; then
    git --git-dir="$d" show "$commit:$path" > "$tmp/page.txt"
  else
    base=${name%%.*}
    git --git-dir="$d" show "$commit:$path" > "$OUT/src/html/$base.html"
    sh "$HERE/../flat_real2/flatten.sh" "$tool" "$OUT/src/html/$base.html" "$tmp/page.txt"
  fi
  if [ "$keep" != - ]; then head -n "$keep" "$tmp/page.txt" > "$tmp/cut.txt"; mv "$tmp/cut.txt" "$tmp/page.txt"; fi
  if [ -f "$OUT/$name.txt" ]; then
    cmp -s "$tmp/page.txt" "$OUT/$name.txt" && echo "$name: same" || { echo "$name: DIFFERS" >&2; exit 1; }
  else
    cp "$tmp/page.txt" "$OUT/$name.txt"; echo "$name: written"
  fi
done

#!/bin/sh
# rebuild.sh MIRRORS OUT: re-create the flat_dev_real2 pages (pages.tsv here) from the fetched
# repositories and check them byte for byte against OUT's .txt files (see ../flat_dev_real/rebuild.sh).
# Labels: OUT/src/specs.py, written with ../flat_dev_real/label_dev.py write OUT OUT/src/specs.py.
HERE=$(cd "$(dirname "$0")" && pwd)
PAGES="$HERE/pages.tsv" exec sh "$HERE/../flat_dev_real/rebuild.sh" "$@"

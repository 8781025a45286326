#!/bin/sh
# flatten.sh TOOL IN.html OUT.txt: lay a saved page out as text the way a crawler or text browser does.
# TOOL: lynx | w3m (system packages) | html2text | inscriptis (Python packages, not project dependencies:
# set FLATTEN_PY to a Python that has them; default /work/data/.venv-flatten/bin/python).
set -e
PY="${FLATTEN_PY:-/work/data/.venv-flatten/bin/python}"
case "$1" in
  lynx) lynx -dump -nolist -width=200 -assume_charset=utf-8 -display_charset=utf-8 "$2" > "$3" ;;
  w3m) w3m -dump -cols 120 -T text/html -I UTF-8 -O UTF-8 "$2" > "$3" ;;
  html2text) "$PY" -c "import sys,html2text; h=html2text.HTML2Text(); h.body_width=0; sys.stdout.write(h.handle(open(sys.argv[1],encoding='utf-8',errors='replace').read()))" "$2" > "$3" ;;
  inscriptis) "$PY" -c "import sys; from inscriptis import get_text; sys.stdout.write(get_text(open(sys.argv[1],encoding='utf-8',errors='replace').read()))" "$2" > "$3" ;;
  *) echo "flatten.sh: unknown tool '$1' (lynx, w3m, html2text, inscriptis)" >&2; exit 2 ;;
esac

#!/usr/bin/env bash
# Benchmark (a): `connect-lint check` on the example against a bare `python -I -c "import app"` of the same project,
# interleaved in the same run: wall time and CPU time, the process host (default) and the embedded host, and a re-check
# of a deployment that did not change (the answer cache).
#   bench/check-vs-import.sh [RUNS]     (default 9; /usr/bin/python3, which has Flask from Debian)
source "$(dirname "$0")/common.sh"
runs=${1:-9}
build_tool

copy=$(mktemp -d); unchanged=$(mktemp -d); trap 'rm -rf "$copy" "$unchanged"' EXIT
cp -r examples/inventory-api/. "$copy"/
sed -i '/^app.run(/d' "$copy/app.py"   # the bare import must not be told apart by app.run()
cp -rp "$copy"/. "$unchanged"/
touch -d '10 minutes ago' "$unchanged"/*.py "$unchanged"/*/*.py

# Each measured check (and the baseline, for the same cost) sees a just-edited app.py, so it imports (the answer cache cannot help); the installed packages
# come from their cache, as on any run after the first in an unchanged environment. "recheck" is a deployment that
# did not change since the last check: its answer is reused and no Python starts.
interleave "$runs" \
  "bare=touch '$copy/app.py' && cd '$copy' && $python -I -c 'import sys; sys.path.insert(0, \"\"); import app'" \
  "check=touch '$copy/app.py' && $tool check '$copy' --python $python --exit-zero" \
  "embedded=touch '$copy/app.py' && $tool check '$copy' --python $python --python-host embedded --exit-zero" \
  "recheck=$tool check '$unchanged' --python $python --exit-zero"

header "(a) check on the example vs bare import (median of $runs)"
row "python -I -c 'import app' (baseline), wall" "$WALL_bare" 1
row "connect-lint check, wall" "$WALL_check" "$(ratio "$WALL_check" "$WALL_bare")" "≤ 1.15"
row "python -I -c 'import app' (baseline), CPU" "$CPU_bare" 1
row "connect-lint check, CPU" "$CPU_check" "$(ratio "$CPU_check" "$CPU_bare")" "≤ 1.3"
row "connect-lint check --python-host embedded, wall" "$WALL_embedded" "$(ratio "$WALL_embedded" "$WALL_bare")"
row "re-check of an unchanged deployment (answer reused), wall" "$WALL_recheck" "$(ratio "$WALL_recheck" "$WALL_bare")" "≤ 0.2"
printf '%-58s %9.0f MB (check), %.0f MB (embedded), %.0f MB (bare import)\n' "  peak memory of the tool's own process" "$RSS_check" "$RSS_embedded" "$RSS_bare"

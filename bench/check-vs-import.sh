#!/usr/bin/env bash
# Benchmark (a): `connect-lint check` on the example against a bare `python -I -c "import app"` of the same project,
# interleaved in the same run: wall time and CPU time, the process host (default) and the embedded host.
#   bench/check-vs-import.sh [RUNS]     (default 9; /usr/bin/python3, which has Flask from Debian)
source "$(dirname "$0")/common.sh"
runs=${1:-9}
build_tool

copy=$(mktemp -d); trap 'rm -rf "$copy"' EXIT
cp -r examples/inventory-api/. "$copy"/
sed -i '/^app.run(/d' "$copy/app.py"   # the bare import must not be told apart by app.run()

interleave "$runs" \
  "bare=cd '$copy' && $python -I -c 'import sys; sys.path.insert(0, \"\"); import app'" \
  "check=$tool check '$copy' --python $python --exit-zero" \
  "embedded=$tool check '$copy' --python $python --python-host embedded --exit-zero"

header "(a) check on the example vs bare import (median of $runs)"
row "python -I -c 'import app' (baseline), wall" "$WALL_bare" 1
row "connect-lint check, wall" "$WALL_check" "$(ratio "$WALL_check" "$WALL_bare")" "≤ 1.15"
row "python -I -c 'import app' (baseline), CPU" "$CPU_bare" 1
row "connect-lint check, CPU" "$CPU_check" "$(ratio "$CPU_check" "$CPU_bare")" "≤ 1.3"
row "connect-lint check --python-host embedded, wall" "$WALL_embedded" "$(ratio "$WALL_embedded" "$WALL_bare")"
printf '%-58s %9.0f MB (check), %.0f MB (embedded), %.0f MB (bare import)\n' "  peak memory of the tool's own process" "$RSS_check" "$RSS_embedded" "$RSS_bare"

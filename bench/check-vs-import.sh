#!/usr/bin/env bash
# Benchmark (a): `connect-lint check` on the example against a bare `python -I -c "import app"` of the
# same project, both hosts, measured in the same run. Prints medians and ratios; asserts nothing.
#   bench/check-vs-import.sh [RUNS]     (default 15; /usr/bin/python3, which has Flask from Debian)
source "$(dirname "$0")/common.sh"
runs=${1:-15}
build_tool

copy=$(mktemp -d); trap 'rm -rf "$copy"' EXIT
cp -r examples/inventory-api/. "$copy"/
sed -i '/^app.run(/d' "$copy/app.py"   # the bare import must not be told apart by app.run()

bare=$(measure "$runs" bash -c "cd '$copy' && exec $python -I -c 'import sys; sys.path.insert(0, \"\"); import app'")
process=$(measure "$runs" "$tool" check "$copy" --python "$python" --exit-zero)
embedded=$(measure "$runs" "$tool" check "$copy" --python "$python" --python-host embedded --exit-zero)
manifest_only=$(measure "$runs" "$tool" check "$copy" --python "$python" --exit-zero --ignore CL2002,CL3001,CL3003,CL3004,CL3008,CL3010)

printf '%-52s %9s %8s\n' "(a) check vs bare import (median of $runs)" "seconds" "ratio"
row "python -I -c 'import app' (baseline)" "$bare" 1
row "connect-lint check, process host" "$process" "$(echo "$process / $bare" | bc -l)"
row "connect-lint check, embedded host" "$embedded" "$(echo "$embedded / $bare" | bc -l)"
row "connect-lint check, process host, no package query" "$manifest_only" "$(echo "$manifest_only / $bare" | bc -l)"

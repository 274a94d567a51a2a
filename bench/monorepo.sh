#!/usr/bin/env bash
# Benchmark (d): one `connect-lint check` of a monorepo of 16 copies of the example against a check of one copy,
# interleaved in the same run.
#   bench/monorepo.sh [RUNS]     (default 7)
source "$(dirname "$0")/common.sh"
runs=${1:-7}
build_tool

repo=$(mktemp -d); trap 'rm -rf "$repo"' EXIT
for i in $(seq -w 1 16); do
  mkdir -p "$repo/services/svc$i"
  cp -r examples/inventory-api/. "$repo/services/svc$i"/
done

# Every measured check sees just-edited app.py files, so every deployment is imported (the answer cache cannot help).
interleave "$runs" \
  "one=touch '$repo'/services/svc01/app.py && $tool check '$repo/services/svc01' --python $python --exit-zero" \
  "all=touch '$repo'/services/*/app.py && $tool check '$repo' --python $python --exit-zero"

header "(d) monorepo: 16 deployments vs 1 (median of $runs, $(nproc) cores)"
row "check of 1 deployment (baseline), wall" "$WALL_one" 1
row "check of 16 deployments, wall" "$WALL_all" "$(ratio "$WALL_all" "$WALL_one")" "≤ 4"

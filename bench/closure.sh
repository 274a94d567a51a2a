#!/usr/bin/env bash
# Benchmark: what asking pip for Connect's view costs. The check of an app whose declared Flask is not installed where
# it runs (an environment without it), so CL3003 asks pip's resolver what Flask brings, against the same check with
# CL3003 ignored (nothing asks pip; the baseline, in the same run): pip's first resolution, then the resolution kept in the cache (every later check), and "could
# not resolve" (no reachable index) as it is said and then believed. pip resolves from a local wheelhouse (no index
# is reachable here); each command sees a just-edited app.py, so the import runs every time.
#   bench/closure.sh [RUNS]     (default 9)
source "$(dirname "$0")/common.sh"
runs=${1:-9}
build_tool

work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
cp -r tests/Connect.Lint.Tests/Fixtures/realworld/declared-not-installed "$work/app"
"$python" -m venv --without-pip "$work/venv"
"$python" tests/Connect.Lint.Tests/Fixtures/wheelhouse/build_wheelhouse.py "$work/wheels" >/dev/null 2>&1
"$tool" write-manifest "$work/app" --python "$work/venv/bin/python" >/dev/null 2>&1
wheels="PIP_NO_INDEX=1 PIP_FIND_LINKS=$work/wheels PIP_CONFIG_FILE=/dev/null"
unreachable="PIP_FIND_LINKS= PIP_INDEX_URL=http://127.0.0.1:1/simple PIP_CONFIG_FILE=/dev/null"
check="$tool check '$work/app' --python '$work/venv/bin/python' --exit-zero"

interleave "$runs" \
  "bare=touch '$work/app/app.py' && env $wheels CONNECT_LINT_CACHE_DIR='$work/cache' $check --ignore CL3003" \
  "first=touch '$work/app/app.py' && env $wheels CONNECT_LINT_CACHE_DIR=\$(mktemp -d) $check" \
  "kept=touch '$work/app/app.py' && env $wheels CONNECT_LINT_CACHE_DIR='$work/cache' $check" \
  "unresolved=touch '$work/app/app.py' && env $unreachable CONNECT_LINT_CACHE_DIR=\$(mktemp -d) $check" \
  "believed=touch '$work/app/app.py' && env $unreachable CONNECT_LINT_CACHE_DIR='$work/cache-unresolved' $check"

header "Connect's view: pip's resolution for CL3003 (median of $runs)"
row "check --ignore CL3003 (baseline: pip is not asked), wall" "$WALL_bare" 1
row "check, pip resolves (first check of these requirements)" "$WALL_first" "$(ratio "$WALL_first" "$WALL_bare")"
row "check, resolution kept (every later check)" "$WALL_kept" "$(ratio "$WALL_kept" "$WALL_bare")"
row "check, no reachable index: pip says so" "$WALL_unresolved" "$(ratio "$WALL_unresolved" "$WALL_bare")"
row "check, no reachable index: believed (within 10 min)" "$WALL_believed" "$(ratio "$WALL_believed" "$WALL_bare")"

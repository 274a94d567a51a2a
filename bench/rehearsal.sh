#!/usr/bin/env bash
# Benchmark (f): `check --rehearse` on the example, first (a fresh environment made and requirements.txt installed by
# pip) and cached (the environment reused), against `check` without it and a bare `python -I -c "import app"`,
# interleaved in the same run. pip installs from a local wheelhouse (tests/…/build_wheelhouse.py: PyPI is out of reach
# here), so "first" measures venv + pip's resolver and installer, not a download.
#   bench/rehearsal.sh [RUNS]     (default 7; /usr/bin/python3)
source "$(dirname "$0")/common.sh"
runs=${1:-7}
build_tool

work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
cp -r examples/inventory-api/. "$work/app"/
sed -i '/^app.run(/d' "$work/app/app.py"
"$python" tests/Connect.Lint.Tests/Fixtures/wheelhouse/build_wheelhouse.py "$work/wheelhouse"
export PIP_NO_INDEX=1 PIP_FIND_LINKS="$work/wheelhouse" PIP_CONFIG_FILE=/dev/null CONNECT_LINT_CACHE_DIR="$work/cache"

# Every measured check sees a just-edited app.py, so both imports run (the answer cache cannot help). "first" starts
# from an empty rehearsal cache; "cached" finds the environment its previous round made.
interleave "$runs" \
  "bare=touch '$work/app/app.py' && cd '$work/app' && $python -I -c 'import sys; sys.path.insert(0, \"\"); import app'" \
  "check=touch '$work/app/app.py' && $tool check '$work/app' --python $python --exit-zero" \
  "first=touch '$work/app/app.py' && rm -rf '$work/cache/rehearsals' && $tool check '$work/app' --python $python --rehearse --exit-zero" \
  "cached=touch '$work/app/app.py' && $tool check '$work/app' --python $python --rehearse --exit-zero"

header "(f) check --rehearse on the example (median of $runs)"
row "python -I -c 'import app' (baseline), wall" "$WALL_bare" 1
row "connect-lint check, wall" "$WALL_check" "$(ratio "$WALL_check" "$WALL_bare")"
row "check --rehearse, first (venv + pip install), wall" "$WALL_first" "$(ratio "$WALL_first" "$WALL_bare")"
row "check --rehearse, cached environment, wall" "$WALL_cached" "$(ratio "$WALL_cached" "$WALL_bare")"
printf '%-58s %9.3f %8s %8s\n' "  cached rehearsal adds to check (seconds)" "$(echo "$WALL_cached - $WALL_check" | bc -l)" "" "< 1 s"

#!/usr/bin/env bash
# Benchmark (f): `check --rehearse` on the example with a cold cache (the interpreter's seed environment made too),
# with new requirements (a fresh environment made and requirements.txt installed by pip) and cached (the environment
# reused), against `check` without it and a bare `python -I -c "import app"`, interleaved in the same run. pip installs
# from a local wheelhouse (tests/…/build_wheelhouse.py: PyPI is out of reach here), so an install measures venv and
# pip's resolver and installer, not a download.
#   bench/rehearsal.sh [RUNS]     (default 7; /usr/bin/python3)
source "$(dirname "$0")/common.sh"
runs=${1:-7}
build_tool

work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
cp -r examples/inventory-api/. "$work/app"/
sed -i '/^app.run(/d' "$work/app/app.py"
"$python" tests/Connect.Lint.Tests/Fixtures/wheelhouse/build_wheelhouse.py "$work/wheelhouse"
export PIP_NO_INDEX=1 PIP_FIND_LINKS="$work/wheelhouse" PIP_CONFIG_FILE=/dev/null CONNECT_LINT_CACHE_DIR="$work/cache"

# Every measured check sees a just-edited app.py, so both imports run (the answer cache cannot help). "cold" starts
# from an empty rehearsal cache (the interpreter's seed environment is made too, with ensurepip); "changed" is a
# first rehearsal of new requirements once the seed is there (after adding a package, say: here a new comment line
# makes the requirements text new); "cached" finds the environment its previous round made.
interleave "$runs" \
  "bare=touch '$work/app/app.py' && cd '$work/app' && $python -I -c 'import sys; sys.path.insert(0, \"\"); import app'" \
  "check=touch '$work/app/app.py' && $tool check '$work/app' --python $python --exit-zero" \
  "cold=touch '$work/app/app.py' && rm -rf '$work/cache/rehearsals' && $tool check '$work/app' --python $python --rehearse --exit-zero" \
  "changed=touch '$work/app/app.py' && echo \"# \$RANDOM\$RANDOM\" >> '$work/app/requirements.txt' && $tool check '$work/app' --python $python --rehearse --exit-zero" \
  "cached=touch '$work/app/app.py' && $tool check '$work/app' --python $python --rehearse --exit-zero"

header "(f) check --rehearse on the example (median of $runs)"
row "python -I -c 'import app' (baseline), wall" "$WALL_bare" 1
row "connect-lint check, wall" "$WALL_check" "$(ratio "$WALL_check" "$WALL_bare")"
row "check --rehearse, cold cache (seed venv + venv + pip), wall" "$WALL_cold" "$(ratio "$WALL_cold" "$WALL_bare")"
row "check --rehearse, new requirements (venv + pip), wall" "$WALL_changed" "$(ratio "$WALL_changed" "$WALL_bare")"
row "check --rehearse, cached environment, wall" "$WALL_cached" "$(ratio "$WALL_cached" "$WALL_bare")"
printf '%-58s %9.3f %8s %8s\n' "  cached rehearsal adds to check (seconds)" "$(echo "$WALL_cached - $WALL_check" | bc -l)" "" "< 1 s"

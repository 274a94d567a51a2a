#!/usr/bin/env bash
# Benchmark (a): `connect-lint check` on the example against a bare `python -I -c "import app"` of the
# same project, both hosts, measured in the same run. Prints medians and ratios; asserts nothing.
#   bench/check-vs-import.sh [RUNS]     (default 15; uses /usr/bin/python3, which has Flask from Debian)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-15}
python=/usr/bin/python3
project=examples/inventory-api

dotnet publish src/Connect.Lint -c Release -o bench/out/tool -p:PublishReadyToRun=true --nologo -v quiet >/dev/null
tool=bench/out/tool/connect-lint

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
measure() { # prints the median wall time in seconds of the command, over $runs runs (one warm-up)
  "$@" >/dev/null 2>&1 || true
  for _ in $(seq "$runs"); do
    start=$(date +%s.%N); "$@" >/dev/null 2>&1 || true; end=$(date +%s.%N)
    echo "$end - $start" | bc
  done | median
}

copy=$(mktemp -d); trap 'rm -rf "$copy"' EXIT
cp -r "$project"/. "$copy"/
sed -i '/^app.run(/d' "$copy/app.py"   # the bare import must not be told apart by app.run()

bare=$(measure bash -c "cd '$copy' && exec $python -I -c 'import sys; sys.path.insert(0, \"\"); import app'")
process=$(measure "$tool" check "$copy" --python "$python" --exit-zero)
embedded=$(measure "$tool" check "$copy" --python "$python" --python-host embedded --exit-zero)
nopython=$(measure "$tool" check "$copy" --no-python --exit-zero)

printf '%-44s %8s %8s\n' "what (median of $runs)" "seconds" "ratio"
printf '%-44s %8.3f %8.2f\n' "python -I -c 'import app' (baseline)" "$bare" 1
printf '%-44s %8.3f %8.2f\n' "connect-lint check, process host" "$process" "$(echo "$process / $bare" | bc -l)"
printf '%-44s %8.3f %8.2f\n' "connect-lint check, embedded host" "$embedded" "$(echo "$embedded / $bare" | bc -l)"
printf '%-44s %8.3f %8.2f\n' "connect-lint check --no-python" "$nopython" "$(echo "$nopython / $bare" | bc -l)"

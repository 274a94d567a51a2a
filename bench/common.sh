# Shared by the benchmarks: build the tool once (ReadyToRun) and time commands.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
python=/usr/bin/python3

build_tool() {
  dotnet publish src/Connect.Lint -c Release -o bench/out/tool -p:PublishReadyToRun=true --nologo -v quiet >/dev/null
  tool=$PWD/bench/out/tool/connect-lint
}

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

# measure RUNS COMMAND...: the median wall time in seconds (one warm-up run first)
measure() {
  local runs=$1; shift
  "$@" >/dev/null 2>&1 || true
  for _ in $(seq "$runs"); do
    local start end
    start=$(date +%s.%N); "$@" >/dev/null 2>&1 || true; end=$(date +%s.%N)
    echo "$end - $start" | bc
  done | median
}

row() { printf '%-52s %9.3f %8.2f\n' "$1" "$2" "$3"; }

# Shared by the benchmarks: the tool as users install it (build/pack.sh's packages, dotnet tool install: Native AOT
# on linux-x64), built once per run-all, and timing that measures wall and CPU time of interleaved runs.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
python=/usr/bin/python3

build_tool() {
  if [ -n "${CONNECT_LINT_BENCH_TOOL:-}" ]; then
    tool=$CONNECT_LINT_BENCH_TOOL
    return
  fi
  rm -rf bench/out/packages bench/out/installed
  build/pack.sh bench/out/packages >/dev/null
  rm -rf "${NUGET_PACKAGES:-$HOME/.nuget/packages}"/connect.lint "${NUGET_PACKAGES:-$HOME/.nuget/packages}"/connect.lint.*
  dotnet tool install Connect.Lint --tool-path bench/out/installed --add-source bench/out/packages \
    --version "$(sed -n 's:.*<Version>\(.*\)</Version>.*:\1:p' src/Connect.Lint/Connect.Lint.csproj)" >/dev/null
  tool=$PWD/bench/out/installed/connect-lint
  export CONNECT_LINT_BENCH_TOOL=$tool
}

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

# interleave RUNS NAME=COMMAND...: runs the commands in turn, RUNS rounds after one warm-up round, and sets
# WALL_<NAME>, CPU_<NAME> (medians, seconds; CPU is user + system of the command and its children) and RSS_<NAME>
# (median of the largest peak resident memory among them, MB); see bench/timeit.py.
interleave() {
  local runs=$1; shift
  local dir; dir=$(mktemp -d)
  local round spec name command
  for round in $(seq 0 "$runs"); do
    for spec in "$@"; do
      name=${spec%%=*}; command=${spec#*=}
      if [ "$round" -eq 0 ]; then
        bash -c "$command" >/dev/null 2>&1 || true
      else
        "$python" bench/timeit.py "$command" >> "$dir/$name"
      fi
    done
  done
  for spec in "$@"; do
    name=${spec%%=*}
    printf -v "WALL_$name" '%s' "$(awk '{print $1}' "$dir/$name" | median)"
    printf -v "CPU_$name" '%s' "$(awk '{print $2}' "$dir/$name" | median)"
    printf -v "RSS_$name" '%s' "$(awk '{print $3}' "$dir/$name" | median)"
  done
  rm -rf "$dir"
}

ratio() { echo "$1 / $2" | bc -l; }

header() { printf '%-58s %9s %8s %8s\n' "$1" "seconds" "ratio" "aim"; }
row() { printf '%-58s %9.3f %8.2f %8s\n' "$1" "$2" "$3" "${4:-}"; }

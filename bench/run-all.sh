#!/usr/bin/env bash
# Every benchmark, on the tool as users install it (built and installed once), as quoted in the README.
#   bench/run-all.sh [RUNS]
set -euo pipefail
source "$(dirname "$0")/common.sh"
build_tool
runs=${1:-9}
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg); $(nproc) cores"
bench/check-vs-import.sh "$runs"
echo
bench/check-without-python.sh "$runs"
echo
bench/monorepo.sh "$runs"
echo
bench/write-manifest.sh
echo
"$python" bench/server-recheck.py "$tool" "$runs"
echo
bench/rehearsal.sh "$runs"
echo
bench/closure.sh "$runs"
echo
bench/rev.sh "$runs"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"

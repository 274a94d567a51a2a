#!/usr/bin/env bash
# All three benchmarks, as quoted in the README.
set -euo pipefail
cd "$(dirname "$0")"
./check-vs-import.sh "${1:-15}"
echo
./write-manifest-vs-md5sum.sh
echo
./check-without-python.sh "${1:-15}"

#!/usr/bin/env bash
# Benchmark (b): `connect-lint write-manifest` against `rsconnect write-manifest api`, interleaved in the same run:
#  - on the parity project 02-factory (../shared/parity, or tests' copy of it), both told the entrypoint;
#  - on a generated tree of FILES files / MB megabytes (page cache warm), with md5sum over the same files as a floor,
#    wall time and peak memory.
# rsconnect-python is not installed here (PyPI is out of reach): name any rsconnect command in
# CONNECT_LINT_BENCH_RSCONNECT (a pip-installed rsconnect-python, or a checkout run with Debian's click, semver and jwt)
# and its rows are added; without it only the md5sum floor is measured.
#   bench/write-manifest.sh [FILES] [MB] [RUNS]     (default 20000 files, 500 MB, 5 runs)
source "$(dirname "$0")/common.sh"
files=${1:-20000}
megabytes=${2:-500}
runs=${3:-5}
rsconnect=${CONNECT_LINT_BENCH_RSCONNECT:-}
build_tool

small=$(mktemp -d); tree=$(mktemp -d); trap 'rm -rf "$small" "$tree"' EXIT
cp -r tests/Connect.Lint.Tests/Fixtures/parity/02-factory/app/. "$small"/
chmod -R u+w "$small"
"$python" - "$tree" "$files" "$megabytes" <<'PY'
import os, sys
root, files, megabytes = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
size = megabytes * 1024 * 1024 // files
block = os.urandom(1 << 20)
for i in range(files):
    directory = os.path.join(root, "data", "%03d" % (i // 1000))
    os.makedirs(directory, exist_ok=True)
    offset = (i * 7919) % (len(block) - size) if size < len(block) else 0
    with open(os.path.join(directory, "f%05d.bin" % i), "wb") as handle:
        handle.write(block[offset:offset + size])
with open(os.path.join(root, "app.py"), "w") as handle:
    handle.write("from flask import Flask\napp = Flask(__name__)\n")
with open(os.path.join(root, "requirements.txt"), "w") as handle:
    handle.write("flask==2.2.2\n")
PY

small_runs=("ours=$tool write-manifest '$small' --python $python --overwrite --entrypoint myapp:create_app")
tree_runs=("md5=cd '$tree' && find . -type f -print0 | xargs -0 md5sum"
           "ours=$tool write-manifest '$tree' --python $python --overwrite")
if [ -n "$rsconnect" ]; then
  small_runs+=("rsconnect=$rsconnect write-manifest api '$small' -p $python -o -e myapp:create_app")
  tree_runs+=("rsconnect=$rsconnect write-manifest api '$tree' -p $python -o")
fi

interleave "$runs" "${small_runs[@]}"
header "(b) write-manifest on 02-factory (median of $runs)"
if [ -n "$rsconnect" ]; then
  row "rsconnect write-manifest api (baseline), wall" "$WALL_rsconnect" 1
  row "connect-lint write-manifest, wall" "$WALL_ours" "$(ratio "$WALL_ours" "$WALL_rsconnect")"
  printf '%-58s %9.1f %8s %8s\n' "  speed-up over rsconnect (x)" "$(ratio "$WALL_rsconnect" "$WALL_ours")" "" "≥ 5"
else
  row "connect-lint write-manifest, wall (no rsconnect to compare)" "$WALL_ours" 1
fi

interleave "$runs" "${tree_runs[@]}"
echo
header "(c) write-manifest, $files files / $megabytes MB (median of $runs)"
row "find | xargs md5sum (floor), wall" "$WALL_md5" 1
row "connect-lint write-manifest, wall" "$WALL_ours" "$(ratio "$WALL_ours" "$WALL_md5")"
if [ -n "$rsconnect" ]; then
  row "rsconnect write-manifest api, wall" "$WALL_rsconnect" "$(ratio "$WALL_rsconnect" "$WALL_md5")"
  printf '%-58s %9.0f MB\n' "  peak memory of rsconnect (baseline)" "$RSS_rsconnect"
  printf '%-58s %9.0f MB %8.2f %8s\n' "  peak memory of connect-lint" "$RSS_ours" "$(ratio "$RSS_ours" "$RSS_rsconnect")" "≤ 1.3"
else
  printf '%-58s %9.0f MB\n' "  peak memory of connect-lint" "$RSS_ours"
fi

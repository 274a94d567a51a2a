#!/usr/bin/env bash
# Benchmark (b): `connect-lint write-manifest` on a generated tree of FILES files / MB megabytes against
# md5sum over the same files (page cache warm for both), interleaved, with connect-lint's peak memory. (The issue's
# comparison with rsconnect-python cannot run here: rsconnect is not installed and PyPI is out of reach.)
#   bench/write-manifest-vs-md5sum.sh [FILES] [MB]     (default 20000 files, 500 MB)
source "$(dirname "$0")/common.sh"
files=${1:-20000}
megabytes=${2:-500}
build_tool

tree=$(mktemp -d); trap 'rm -rf "$tree"' EXIT
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

interleave 3 \
  "md5=cd '$tree' && find . -type f -print0 | xargs -0 md5sum" \
  "ours=$tool write-manifest '$tree' --python $python --overwrite"

header "(b) write-manifest, $files files / $megabytes MB (median of 3)"
row "find | xargs md5sum (baseline), wall" "$WALL_md5" 1
row "connect-lint write-manifest, wall" "$WALL_ours" "$(ratio "$WALL_ours" "$WALL_md5")"
printf '%-58s %9.1f\n' "  throughput vs md5sum (x, higher is better)" "$(ratio "$WALL_md5" "$WALL_ours")"
printf '%-58s %9.0f MB\n' "  peak memory of connect-lint" "$RSS_ours"

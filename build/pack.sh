#!/usr/bin/env bash
# The shipped tool packages, into artifacts/: Connect.Lint (a pointer that names the others),
# Connect.Lint.linux-x64 (Native AOT, with the embedded host's framework-dependent companion) and
# Connect.Lint.any (framework-dependent: macOS, Windows, linux-arm64 and whatever else has .NET 10).
# Native AOT compiles for the machine it runs on, so the linux-x64 package is made on linux-x64; from it, the
# wheel connect_lint-<version>-py3-none-manylinux_2_<N>_x86_64.whl.
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-artifacts}
project=src/Connect.Lint
common=(-c Release -o "$out" --nologo -v quiet -p:ConnectLintShip=true)
dotnet pack "$project" "${common[@]}"
dotnet pack "$project" "${common[@]}" -r linux-x64
dotnet pack "$project" "${common[@]}" -r any
# The wheel Python users install (pip, pipx): the linux-x64 package's native binary (build/wheel.py).
if [ "$(uname -s)-$(uname -m)" = Linux-x86_64 ]; then
  "${PYTHON:-python3}" build/wheel.py "$out"/Connect.Lint.linux-x64.*.nupkg "$out" >/dev/null
fi
ls "$out"/Connect.Lint*.nupkg "$out"/connect_lint-*.whl

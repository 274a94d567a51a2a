#!/usr/bin/env bash
# The shipped tool packages, into artifacts/: Connect.Lint (a pointer that names the others),
# Connect.Lint.linux-x64 (Native AOT, with the embedded host's framework-dependent companion) and
# Connect.Lint.any (framework-dependent: macOS, Windows, linux-arm64 and whatever else has .NET 10).
# Native AOT compiles for the machine it runs on, so the linux-x64 package is made on linux-x64.
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-artifacts}
project=src/Connect.Lint
common=(-c Release -o "$out" --nologo -v quiet -p:ConnectLintShip=true)
dotnet pack "$project" "${common[@]}"
dotnet pack "$project" "${common[@]}" -r linux-x64
dotnet pack "$project" "${common[@]}" -r any
ls "$out"/Connect.Lint*.nupkg

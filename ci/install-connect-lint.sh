#!/usr/bin/env bash
# Installs connect-lint from this checkout of its repository (the GitHub Action and the GitLab template use it):
# packs src/Connect.Lint and installs the package with `dotnet tool install` into TOOL_DIR, which it prints.
#   ci/install-connect-lint.sh TOOL_DIR
set -euo pipefail
source_dir=$(cd "$(dirname "$0")/.." && pwd)
tool_dir=${1:?usage: install-connect-lint.sh TOOL_DIR}
packages=$(mktemp -d)
trap 'rm -rf "$packages"' EXIT
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
version=$(sed -n 's:.*<Version>\(.*\)</Version>.*:\1:p' "$source_dir/src/Connect.Lint/Connect.Lint.csproj")
dotnet pack "$source_dir/src/Connect.Lint" -c Release -o "$packages" --nologo -v quiet >&2
# A package of the same version from an earlier install must not come from NuGet's cache.
rm -rf "${NUGET_PACKAGES:-$HOME/.nuget/packages}/connect.lint"
dotnet tool uninstall Connect.Lint --tool-path "$tool_dir" >/dev/null 2>&1 || true  # this checkout's build, not an older one
dotnet tool install Connect.Lint --tool-path "$tool_dir" --add-source "$packages" --version "$version" >&2
echo "$tool_dir"

#!/usr/bin/env bash
# Installs connect-lint for the GitHub Action and the GitLab template into TOOL_DIR, and prints the directory to
# put on PATH.
#   ci/install-connect-lint.sh TOOL_DIR [wheel|source]
# wheel (the default): pip installs the connect-lint wheel of this checkout's version into a virtualenv of its own
#   (the native binary; no .NET). pip reads the job's configuration (PIP_INDEX_URL, PIP_FIND_LINKS, pip.conf).
#   Only the binary's directory is printed, never the virtualenv's bin/, so the job's python3 stays the project's.
#   There is a wheel for Linux x86-64 only; elsewhere it falls back to source.
# source: packs this checkout (src/Connect.Lint) with the .NET SDK and installs it with `dotnet tool install`.
set -euo pipefail
source_dir=$(cd "$(dirname "$0")/.." && pwd)
tool_dir=${1:?usage: install-connect-lint.sh TOOL_DIR [wheel|source]}
method=${2:-wheel}
version=$(sed -n 's:.*<Version>\(.*\)</Version>.*:\1:p' "$source_dir/src/Connect.Lint/Connect.Lint.csproj")
case "$method" in
  wheel|source) ;;
  *) echo "install-connect-lint.sh: the method is wheel or source, not '$method'" >&2; exit 2 ;;
esac
if [ "$method" = wheel ] && [ "$(uname -s)-$(uname -m)" != Linux-x86_64 ]; then
  echo "connect-lint: no wheel for $(uname -s) $(uname -m); building it from source (needs the .NET 10 SDK)" >&2
  method=source
fi

if [ "$method" = wheel ]; then
  rm -rf "$tool_dir/venv"  # this version's wheel, not an older install's
  "${CONNECT_LINT_INSTALL_PYTHON:-python3}" -m venv "$tool_dir/venv" >&2
  "$tool_dir/venv/bin/pip" install --quiet --disable-pip-version-check "connect-lint==$version" >&2
  mkdir -p "$tool_dir/bin"
  ln -sfn "$tool_dir/venv/bin/connect-lint" "$tool_dir/bin/connect-lint"
  echo "$tool_dir/bin"
  exit 0
fi

packages=$(mktemp -d)
trap 'rm -rf "$packages"' EXIT
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet pack "$source_dir/src/Connect.Lint" -c Release -o "$packages" --nologo -v quiet >&2
# A package of the same version from an earlier install must not come from NuGet's cache.
rm -rf "${NUGET_PACKAGES:-$HOME/.nuget/packages}/connect.lint"
dotnet tool uninstall Connect.Lint --tool-path "$tool_dir" >/dev/null 2>&1 || true  # this checkout's build, not an older one
dotnet tool install Connect.Lint --tool-path "$tool_dir" --add-source "$packages" --version "$version" >&2
echo "$tool_dir"

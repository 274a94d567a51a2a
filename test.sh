#!/usr/bin/env bash
# Runs the whole test suite. Installs what the tests need first (Debian's Python with pip and Flask:
# the tests run the real interpreter), so a fresh machine needs nothing done by hand.
set -euo pipefail
cd "$(dirname "$0")"

needed=(python3 python3-pip python3-venv python3-flask python3-yaml python3-setuptools python3-wheel python3-pytest libpython3.11 neovim)
missing=()
for package in "${needed[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if [ "${#missing[@]}" -gt 0 ]; then
  echo "Installing ${missing[*]} (apt)..."
  sudo_cmd=""
  [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq "${missing[@]}" >/dev/null
fi

export LC_ALL=C.UTF-8

# Under CI the tests also run the tool as users install it (ShippedToolTests): build/pack.sh's packages,
# installed with dotnet tool install into a directory of its own.
if [ -n "${CI:-}" ] && [ -z "${CONNECT_LINT_SHIPPED:-}" ]; then
  echo "Packing and installing the shipped tool (build/pack.sh)..."
  # Into artifacts/, where .ci/run then finds the wheel (tests/wheel/run.sh).
  shipped=$(mktemp -d)
  build/pack.sh "$PWD/artifacts" >/dev/null
  # A package of the same version from an earlier run must not be taken from NuGet's cache.
  rm -rf "${NUGET_PACKAGES:-$HOME/.nuget/packages}"/connect.lint "${NUGET_PACKAGES:-$HOME/.nuget/packages}"/connect.lint.*
  dotnet tool install Connect.Lint --tool-path "$shipped/tool" --add-source "$PWD/artifacts" --version "$(sed -n 's:.*<Version>\(.*\)</Version>.*:\1:p' src/Connect.Lint/Connect.Lint.csproj)" >/dev/null
  export CONNECT_LINT_SHIPPED="$shipped/tool/connect-lint"
fi
# SARIF is also checked by the SARIF Multitool's own SARIF and GitHub ingestion rules (SarifIngestionTests):
# npm's @microsoft/sarif-multitool, installed once into .tools/ (git ignores it).
if [ -z "${CONNECT_LINT_SARIF_MULTITOOL:-}" ]; then
  multitool=.tools/sarif-multitool/node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool
  if [ ! -x "$multitool" ] && command -v npm >/dev/null 2>&1; then
    echo "Installing the SARIF Multitool (npm)..."
    mkdir -p .tools/sarif-multitool
    npm install --silent --no-audit --no-fund --prefix .tools/sarif-multitool @microsoft/sarif-multitool@5.7.0 >/dev/null 2>&1 || true
  fi
  [ -x "$multitool" ] && export CONNECT_LINT_SARIF_MULTITOOL="$PWD/$multitool"
fi
# The bridge's own pieces, in Python (tests/bridge), with Debian's interpreter and pytest; nothing written beside the sources.
echo "Testing the Python bridge (pytest)..."
PYTHONDONTWRITEBYTECODE=1 /usr/bin/python3 -m pytest -q -p no:cacheprovider tests/bridge

log=$(mktemp)
trap 'rm -f "$log"' EXIT
status=0
dotnet test Connect.Lint.sln --nologo -v quiet "$@" 2>&1 | tee "$log" || status=$?
# A plain closing line any CI reader understands.
summary=$(grep -Eo 'Failed: +[0-9]+, Passed: +[0-9]+' "$log" | tail -n 1 || true)
if [ -n "$summary" ]; then
  failed=$(echo "$summary" | grep -Eo 'Failed: +[0-9]+' | grep -Eo '[0-9]+')
  passed=$(echo "$summary" | grep -Eo 'Passed: +[0-9]+' | grep -Eo '[0-9]+')
  echo "tests: $passed passed, $failed failed"
fi
exit "$status"

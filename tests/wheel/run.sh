#!/usr/bin/env bash
# The wheel as a Python user meets it, where there is no .NET: a fresh virtual environment, 'pip install' of the
# wheel build/pack.sh wrote (no index), then the README's command with dotnet nowhere on PATH. Its output must be
# what the README's 'dotnet run' prints on this machine, byte for byte; 'python -m connect_lint' runs the same binary.
#   tests/wheel/run.sh PATH-TO-connect_lint-*.whl
set -euo pipefail
here=$(cd "$(dirname "$0")/../.." && pwd)
wheel=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
cd "$here"
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
/usr/bin/python3 -m venv "$work/venv"
"$work/venv/bin/pip" install --quiet --no-index --disable-pip-version-check "$wheel"

source tests/lib/without-dotnet.sh
without_dotnet=$(without_dotnet_path "$work/system")
mkdir "$work/tool"
# pipx's layout: the tool on PATH, its environment's python not.
ln -s "$work/venv/bin/connect-lint" "$work/tool/connect-lint"

passed=0; failed=0
ok() { passed=$((passed + 1)); echo "ok: $1"; }
bad() { failed=$((failed + 1)); echo "FAILED: $1"; }

if PATH="$work/tool:$without_dotnet" command -v dotnet >/dev/null; then bad "dotnet is still on PATH"; else ok "no dotnet on PATH"; fi
set +e
PATH="$without_dotnet" /usr/bin/dotnet run --project src/Connect.Lint -- check examples/inventory-api > "$work/expected.txt" 2>/dev/null
expected_status=$?
PATH="$work/tool:$without_dotnet" connect-lint check examples/inventory-api > "$work/actual.txt" 2> "$work/stderr.txt"
status=$?
version=$(PATH="$work/tool:$without_dotnet" "$work/venv/bin/python" -m connect_lint --version 2>&1)
embedded=$(PATH="$work/tool:$without_dotnet" connect-lint check examples/inventory-api --python-host embedded 2>&1)
embedded_status=$?
set -e
[ "$status" -eq 1 ] && [ "$expected_status" -eq 1 ] && ok "the installed tool exits 1 on the example, as the README's command does" || bad "exit $status, the README's command $expected_status"
if cmp -s "$work/expected.txt" "$work/actual.txt"; then ok "it prints what the README's command prints ($(wc -l < "$work/actual.txt") lines)"
else bad "its output differs from the README's command"; diff "$work/expected.txt" "$work/actual.txt" || true; cat "$work/stderr.txt"; fi
grep -q "CL2006" "$work/actual.txt" && ok "the import ran (CL2006)" || bad "the import did not run"
[ "$version" = "$(PATH="$without_dotnet" /usr/bin/dotnet run --project src/Connect.Lint -- --version 2>/dev/null)" ] && ok "python -m connect_lint runs it ($version)" || bad "python -m connect_lint: $version"
if [ "$embedded_status" -eq 2 ] && echo "$embedded" | grep -q "with dotnet, which could not be started"; then ok "the embedded host says it needs .NET"
else bad "the embedded host without .NET (exit $embedded_status): $embedded"; fi

echo "wheel: $passed passed, $failed failed"
[ "$failed" -eq 0 ]

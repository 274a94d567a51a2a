#!/usr/bin/env bash
# The pre-commit hook as a Python user installs it, where there is no .NET: the mirror build/pre-commit-mirror.py
# writes (language: python, depending on the connect-lint wheel) is the hook repository of a throw-away project,
# and Debian's real pre-commit installs it with pip from a local --find-links (the wheel build/pack.sh wrote, and
# the setuptools pip builds the mirror with; no index is reachable) and runs it with dotnet nowhere on PATH.
#   tests/precommit/python-hook.sh PATH-TO-connect_lint-*.whl
set -euo pipefail
here=$(cd "$(dirname "$0")/../.." && pwd)
wheels=$(cd "$(dirname "$1")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
source "$here/tests/lib/without-dotnet.sh"
without_dotnet=$(without_dotnet_path "$work/system")
tool="$here/src/Connect.Lint/bin/Debug/net10.0/connect-lint"
[ -x "$tool" ] || { dotnet build "$here/src/Connect.Lint" --nologo -v quiet >/dev/null; }

# The mirror repository, as a release publishes it (tagged with the version).
mirror="$work/mirror"
/usr/bin/python3 "$here/build/pre-commit-mirror.py" "$mirror" >/dev/null
git -C "$mirror" init -q && git -C "$mirror" add -A
git -C "$mirror" -c user.email=ci@example.com -c user.name=ci commit -q -m "the mirror"
version=$("$tool" --version | cut -d+ -f1)  # without the build metadata (+commit)

project="$work/project"
mkdir -p "$project" && cd "$project"
git init -q
git config user.email ci@example.com
git config user.name ci
cat > .pre-commit-config.yaml <<YAML
repos:
  - repo: $mirror
    rev: $(git -C "$mirror" rev-parse HEAD)
    hooks:
      - id: connect-lint
        args: [--python, /usr/bin/python3]
YAML
printf 'from flask import Flask\n\napp = Flask(__name__)\n\n\n@app.route("/")\ndef index():\n    return "hello"\n' > app.py
printf 'flask==2.2.2\n' > requirements.txt
"$tool" write-manifest . --python /usr/bin/python3 >/dev/null 2>&1
git add -A && git commit -q -m "a clean deployment"

# What a user's pip would be told; pre-commit's virtualenv (and the install) happen on the first run.
export PRE_COMMIT_HOME="$work/cache" PIP_NO_INDEX=1 PIP_FIND_LINKS="$wheels /usr/share/python-wheels"
export PATH="$without_dotnet"
passed=0; failed=0
ok() { passed=$((passed + 1)); echo "ok: $1"; }
bad() { failed=$((failed + 1)); echo "FAILED: $1"; cat "$work/out.txt" 2>/dev/null || true; }
run_hook() { set +e; pre-commit run connect-lint "$@" > "$work/out.txt" 2>&1; status=$?; set -e; }

if command -v dotnet >/dev/null; then bad "dotnet is still on PATH"; else ok "no dotnet on PATH"; fi
grep -q "connect-lint==$version" "$mirror/pyproject.toml" && ok "the mirror depends on this version's wheel ($version)" || bad "the mirror does not pin connect-lint==$version"
started=$(date +%s%N)
run_hook --all-files
milliseconds=$(( ($(date +%s%N) - started) / 1000000 ))
[ "$status" -eq 0 ] && ok "the hook installs from the wheel and passes on a clean deployment (first run, install included: $((milliseconds / 1000)).$(printf %03d $((milliseconds % 1000))) s)" || bad "the first run (exit $status)"
installed=$(find "$PRE_COMMIT_HOME" -path '*/bin/connect-lint' | head -n 1)
[ -n "$installed" ] && [ "$("$installed" --version | cut -d+ -f1)" = "$version" ] && ok "pre-commit's environment holds the wheel's binary" || bad "no connect-lint binary in pre-commit's environment"
printf 'raise RuntimeError("settings are not ready")\n' >> app.py
git add app.py
run_hook
[ "$status" -eq 1 ] && grep -q "CL2002" "$work/out.txt" && ok "the hook fails on a commit whose import fails, naming CL2002" || bad "the broken commit (exit $status)"

echo "pre-commit (language: python): $passed passed, $failed failed"
[ "$failed" -eq 0 ]

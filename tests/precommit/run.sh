#!/usr/bin/env bash
# Proves the hook with real pre-commit (Debian's 3.0.4): this repository is the hook repository of a
# throw-away Git project holding a broken Flask deployment. The hook must fail on it, the --fix hook must
# repair (and so fail once, having changed files), and then the hook must pass.
set -euo pipefail
here=$(cd "$(dirname "$0")/../.." && pwd)
rev=$(git -C "$here" rev-parse HEAD)

if ! command -v pre-commit >/dev/null 2>&1; then
  echo "Installing pre-commit (apt)..."
  sudo_cmd=""; [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq pre-commit >/dev/null
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export PRE_COMMIT_HOME="$work/cache"
project="$work/project"
mkdir -p "$project"
cd "$project"
git init -q
git config user.email ci@example.com
git config user.name ci

cat > .pre-commit-config.yaml <<YAML
repos:
  - repo: $here
    rev: $rev
    hooks:
      - id: connect-lint
        args: [--python, /usr/bin/python3]
      - id: connect-lint-fix
        args: [--python, /usr/bin/python3, --select, CL10]
        stages: [manual]
YAML
cat > app.py <<'PY'
from flask import Flask

app = Flask(__name__)


@app.route("/")
def index():
    return "hello"
PY
printf 'flask==2.2.2\n' > requirements.txt
printf 'name,count\nwidgets,1\n' > data.csv
tool="$here/src/Connect.Lint/bin/Debug/net10.0/connect-lint"
if [ -x "$tool" ]; then "$tool" write-manifest . --python /usr/bin/python3
else dotnet run --project "$here/src/Connect.Lint" -- write-manifest . --python /usr/bin/python3; fi
git add -A && git commit -q -m "a clean deployment"

passed=0; failed=0
expect() { # expect <exit code wanted> <description> <command...>
  local want=$1 what=$2; shift 2
  set +e; "$@" > "$work/out.txt" 2>&1; local got=$?; set -e
  if [ "$got" -eq "$want" ]; then passed=$((passed + 1)); echo "ok: $what"
  else failed=$((failed + 1)); echo "FAILED: $what (exit $got, wanted $want)"; cat "$work/out.txt"; fi
}

expect 0 "the hook passes on a clean deployment" pre-commit run connect-lint --all-files
printf 'gadgets,2\n' >> data.csv
git add data.csv
expect 1 "the hook fails on a commit that changes only a data file the manifest lists" pre-commit run connect-lint
grep -q "CL1007" "$work/out.txt" && { passed=$((passed + 1)); echo "ok: it names CL1007 for data.csv"; } || { failed=$((failed + 1)); echo "FAILED: CL1007 not reported for data.csv"; cat "$work/out.txt"; }
git reset -q data.csv && git checkout -q -- data.csv
git rm -q --cached data.csv && rm data.csv
expect 1 "the hook fails on a commit that only deletes a listed file (no file names to pass)" pre-commit run connect-lint
git reset -q HEAD data.csv && git checkout -q -- data.csv
printf '\n\n@app.route("/health")\ndef health():\n    return "ok"\n' >> app.py
git add -A
expect 1 "the hook fails when app.py changed after the manifest was written" pre-commit run connect-lint --all-files
grep -q "CL1007" "$work/out.txt" && { passed=$((passed + 1)); echo "ok: it names CL1007"; } || { failed=$((failed + 1)); echo "FAILED: CL1007 not reported"; cat "$work/out.txt"; }
expect 1 "the --fix hook repairs the manifest (and fails because it changed a file)" pre-commit run connect-lint-fix --hook-stage manual --all-files
git add -A
expect 0 "the hook passes once the fix is staged" pre-commit run connect-lint --all-files

# The pre-push hook: the commit being pushed, read from Git, decides; a bare remote on this machine receives it.
git commit -q -m "the fixed manifest"
cat >> .pre-commit-config.yaml <<YAML
      - id: connect-lint-pre-push
        args: [--python, /usr/bin/python3]
YAML
if [ -x "$tool" ]; then "$tool" write-manifest . --overwrite --python /usr/bin/python3 2>/dev/null
else dotnet run --project "$here/src/Connect.Lint" -- write-manifest . --overwrite --python /usr/bin/python3 2>/dev/null; fi
git add -A && git commit -q -m "the pre-push hook"
git init -q --bare "$work/remote.git"
git remote add origin "$work/remote.git"
pre-commit install --hook-type pre-push > /dev/null
expect 0 "the pre-push hook lets a good commit through" git push -q origin HEAD:main
printf 'raise RuntimeError("settings are not ready")\n' >> app.py
git commit -q -a -m "breaks the import"
git checkout -q HEAD~1 -- app.py  # fixed in the work tree only: the commit still breaks
expect 1 "the pre-push hook blocks a commit whose import fails, whatever the work tree holds" git push -q origin HEAD:main
grep -q "CL2002" "$work/out.txt" && { passed=$((passed + 1)); echo "ok: it names CL2002 in the pushed commit"; } || { failed=$((failed + 1)); echo "FAILED: CL2002 not reported for the pushed commit"; cat "$work/out.txt"; }
[ "$(git -C "$work/remote.git" rev-parse main)" = "$(git rev-parse HEAD~1)" ] && { passed=$((passed + 1)); echo "ok: the remote did not receive it"; } || { failed=$((failed + 1)); echo "FAILED: the remote received the bad commit"; }

echo "pre-commit: $passed passed, $failed failed"
[ "$failed" -eq 0 ]

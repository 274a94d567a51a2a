#!/usr/bin/env bash
# Benchmark: what checking the commit costs. The bundled example in a Git repository of its own, committed and
# clean: check (the work tree) is the baseline, in the same run, against check --rev HEAD (the work tree holds exactly
# the commit, so it is checked in place and shares the work tree's answer); then both with app.py touched (same
# content, so still the commit, but the import runs), and check --rev HEAD~1 (the commit differs: its files are
# written from Git's objects to a private copy and imported there, every time) against the importing check.
#   bench/rev.sh [RUNS]     (default 9)
source "$(dirname "$0")/common.sh"
runs=${1:-9}
build_tool

work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
cp -r examples/inventory-api "$work/app"
git -C "$work/app" init -q
git -C "$work/app" add -A
git -C "$work/app" -c user.email=bench@example.com -c user.name=bench commit -q -m "the example"
printf '\n# an edit since the previous commit\n' >> "$work/app/inventory/views.py"
git -C "$work/app" -c user.email=bench@example.com -c user.name=bench commit -q -a -m "an edit"
check="$tool check '$work/app' --python '$python' --exit-zero"

# Two groups: a touch in the first would make every check of it import.
interleave "$runs" \
  "tree=$check" \
  "head=$check --rev HEAD"
touch="touch '$work/app/app.py' &&"
interleave "$runs" \
  "treeimport=$touch $check" \
  "headimport=$touch $check --rev HEAD" \
  "older=$check --rev HEAD~1"

header "check --rev: the commit Connect clones (median of $runs)"
row "check (the work tree, answer reused; baseline), wall" "$WALL_tree" 1
row "check --rev HEAD (clean tree: in place, answer reused)" "$WALL_head" "$(ratio "$WALL_head" "$WALL_tree")"
row "check, app.py touched (it imports; baseline)" "$WALL_treeimport" 1
row "check --rev HEAD, app.py touched (in place, it imports)" "$WALL_headimport" "$(ratio "$WALL_headimport" "$WALL_treeimport")"
row "check --rev HEAD~1 (a private copy, imported afresh)" "$WALL_older" "$(ratio "$WALL_older" "$WALL_treeimport")"

#!/usr/bin/env bash
# Builds and packages the VS Code extension (editors/vscode/connect-lint.vsix) from the npm registry: TypeScript,
# vscode-languageclient and vsce at the versions package.json pins. Run by .ci/run.
set -euo pipefail
cd "$(dirname "$0")"
npm install --silent --no-audit --no-fund >/dev/null
npm run --silent compile
npm run --silent package >/dev/null
ls connect-lint.vsix
node --check out/extension.js  # the bundle the package holds parses
node test/smoke.js

// Loads the built extension the way VS Code would, with the `vscode` API and the language client replaced by
// recorders, and checks what it asks for: `connect-lint server` over stdio, for manifest.json, requirements files,
// Python and templates, with a watcher on every file; a restart command. Exits 1 on the first difference.
const assert = require("assert");
const Module = require("module");

const recorded = { clients: [], commands: [], watchers: [] };
const vscode = {
  workspace: {
    getConfiguration: () => ({ get: (_key, fallback) => fallback }),
    createFileSystemWatcher: (glob) => { recorded.watchers.push(glob); return { dispose() {} }; },
  },
  commands: { registerCommand: (name) => { recorded.commands.push(name); return { dispose() {} }; } },
};
class LanguageClient {
  constructor(id, name, serverOptions, clientOptions) { recorded.clients.push({ id, name, serverOptions, clientOptions }); }
  start() { return Promise.resolve(); }
  stop() { return Promise.resolve(); }
}
const resolve = Module._load;
Module._load = function (request, ...rest) {
  if (request === "vscode") return vscode;
  if (request === "vscode-languageclient/node") return { LanguageClient };
  return resolve.call(this, request, ...rest);
};

// The unbundled build (tsc), so that the language client it requires can be replaced by a recorder; the package
// holds the same code bundled by esbuild.
const extension = require("../out-tsc/extension.js");
extension.activate({ subscriptions: [] }).then(() => {
  assert.strictEqual(recorded.clients.length, 1);
  const { serverOptions, clientOptions } = recorded.clients[0];
  assert.deepStrictEqual(serverOptions, { command: "connect-lint", args: ["server"] });
  const patterns = clientOptions.documentSelector.map((s) => s.pattern || s.language);
  for (const wanted of ["python", "**/manifest.json", "**/requirements*.txt", "**/pyproject.toml"]) {
    assert.ok(patterns.includes(wanted), `document selector lacks ${wanted}`);
  }
  assert.deepStrictEqual(recorded.watchers, ["**/*"]);
  assert.deepStrictEqual(recorded.commands, ["connect-lint.restart"]);
  console.log("vscode extension: starts 'connect-lint server' for manifest.json, requirements, pyproject.toml and Python");
}).catch((error) => { console.error(error); process.exit(1); });

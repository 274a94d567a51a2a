// The connect-lint extension: starts `connect-lint server` (the language server) for the workspace and lets it
// publish diagnostics, quick fixes and the write-manifest command. Everything else is the server's.
import * as vscode from "vscode";
import { LanguageClient, LanguageClientOptions, ServerOptions } from "vscode-languageclient/node";

let client: LanguageClient | undefined;

function start(): Promise<void> {
  const command = vscode.workspace.getConfiguration("connect-lint").get<string>("path", "connect-lint");
  const serverOptions: ServerOptions = { command, args: ["server"] };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: "file", language: "python" },
      { scheme: "file", language: "json", pattern: "**/manifest.json" },
      { scheme: "file", pattern: "**/requirements*.txt" },
      { scheme: "file", pattern: "**/pyproject.toml" },
      { scheme: "file", language: "html" },
      { scheme: "file", language: "jinja" },
    ],
    synchronize: {
      // Data files, templates and deletions make a deployment stale too: the server re-checks on any change.
      fileEvents: vscode.workspace.createFileSystemWatcher("**/*"),
    },
  };
  client = new LanguageClient("connect-lint", "connect-lint", serverOptions, clientOptions);
  return client.start();
}

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  context.subscriptions.push(
    vscode.commands.registerCommand("connect-lint.restart", async () => {
      await client?.stop();
      await start();
    }),
  );
  await start();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}

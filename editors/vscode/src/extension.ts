/**
 * The VS Code extension: starts `liaison lsp --stdio` and hands it the
 * documents liaison reads. Everything else (which files are messages, the
 * config, fixes, hovers) is the server's, so VS Code, Neovim, Helix and Zed
 * all behave alike. Bundled with vscode-languageclient into one file when
 * packaged (scripts/package-vscode.ts).
 */
import {existsSync} from 'node:fs'
import {join} from 'node:path'
import {type ExtensionContext, workspace} from 'vscode'
import {LanguageClient, TransportKind} from 'vscode-languageclient/node'

let client: LanguageClient | undefined

/** The setting, else the workspace's own liaison (its version and config), else the one on the PATH. */
function command(): string {
  const configured = workspace.getConfiguration('liaison').get<string>('path')
  if (configured) return configured
  for (const folder of workspace.workspaceFolders ?? []) {
    const local = join(folder.uri.fsPath, 'node_modules', '.bin', process.platform === 'win32' ? 'liaison.cmd' : 'liaison')
    if (existsSync(local)) return local
  }
  return 'liaison'
}

export async function activate(context: ExtensionContext): Promise<void> {
  const server = {command: command(), args: ['lsp', '--stdio'], transport: TransportKind.stdio}
  const languages = ['markdown', 'mdx', 'plaintext', 'yaml', 'json']
  client = new LanguageClient('liaison', 'liaison', server, {
    documentSelector: languages.flatMap((language) => [
      {scheme: 'file', language},
      {scheme: 'untitled', language},
    ]),
  })
  context.subscriptions.push(client)
  await client.start()
}

export async function deactivate(): Promise<void> {
  await client?.stop()
}

/**
 * An LSP client for the server tests, on vscode-languageserver-protocol (the
 * library editors' clients are built on). `spawned`: the built `liaison lsp
 * --stdio` as an editor starts it, over its standard input and output, lint
 * worker and all. Otherwise the same server in this process over a pair of
 * pipes (linting on its own thread), so coverage sees it.
 *
 * Nothing here waits for a time: every step waits for the server's answer
 * or for its next publishDiagnostics of a document.
 */
import {type ChildProcess, spawn} from 'node:child_process'
import {PassThrough} from 'node:stream'
import {pathToFileURL} from 'node:url'
import {
  type CodeAction,
  CodeActionRequest,
    DidChangeTextDocumentNotification,
  DidChangeWatchedFilesNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  DidSaveTextDocumentNotification,
  type Diagnostic,
  ExitNotification,
  type FileEvent,
  HoverRequest,
  InitializedNotification,
  InitializeRequest,
  type InitializeResult,
  LogMessageNotification,
  type ProtocolConnection,
  PublishDiagnosticsNotification,
  type PublishDiagnosticsParams,
  type Range,
  RegistrationRequest,
  ShutdownRequest,
  type TextDocumentContentChangeEvent,
} from 'vscode-languageserver-protocol'
import {createProtocolConnection, StreamMessageReader, StreamMessageWriter} from 'vscode-languageserver-protocol/node'
import {TextDocument} from 'vscode-languageserver-textdocument'
import * as server from 'vscode-languageserver/node'
import {startServer} from '../../src/cli/lsp/server.ts'
import {bin} from '../cli/support.ts'

/** A file's URI; an `untitled:` URI (a new, unsaved document) is given as it is. */
export const uriOf = (path: string): string => (path.startsWith('untitled:') ? path : pathToFileURL(path).href)

export interface Client {
  connection: ProtocolConnection
  initialized: InitializeResult
  /** Log lines the server sent (window/logMessage). */
  logs: string[]
  /** Watchers the server registered. */
  registrations: unknown[]
  /** Every publishDiagnostics, in order: which document and version. */
  published: Array<{uri: string; version: number | undefined}>
  open(path: string, text: string, languageId?: string): Promise<Diagnostic[]>
  /** Sends the changes and resolves with the diagnostics of the new version. */
  change(path: string, changes: TextDocumentContentChangeEvent[]): Promise<Diagnostic[]>
  /** The document as the client holds it. */
  text(path: string): string
  /** Applies a code action's edit to the document, as an editor does, and resolves with the new diagnostics. */
  apply(path: string, action: CodeAction): Promise<Diagnostic[]>
  codeActions(path: string, range: Range): Promise<CodeAction[]>
  hover(path: string, line: number, character: number): Promise<string | undefined>
  close(path: string): Promise<Diagnostic[]>
  /** Resolves with the next diagnostics published for `path`. */
  next(path: string): Promise<Diagnostic[]>
  watched(changes: FileEvent[]): void
  saved(path: string): void
  /** shutdown, then exit; resolves with the server's exit code (spawned) or its own (in process). */
  stop(): Promise<number | null>
}

export interface ClientOptions {
  cwd: string
  spawned?: boolean
  /** Workspace folders; default the cwd. */
  folders?: string[]
  /** Whether the client offers to watch files for the server. */
  watch?: boolean
}

export async function startClient({cwd, spawned = false, folders = [cwd], watch = true}: ClientOptions): Promise<Client> {
  let child: ChildProcess | undefined
  let connection: ProtocolConnection
  let exitCode: Promise<number | null>
  if (spawned) {
    const started = spawn(process.execPath, [bin, 'lsp', '--stdio'], {cwd, stdio: ['pipe', 'pipe', 'inherit']})
    child = started
    exitCode = new Promise((resolve) => started.on('exit', (code) => resolve(code)))
    connection = createProtocolConnection(new StreamMessageReader(started.stdout), new StreamMessageWriter(started.stdin))
  } else {
    const toServer = new PassThrough()
    const toClient = new PassThrough()
    const running = startServer({
      reader: new server.StreamMessageReader(toServer),
      writer: new server.StreamMessageWriter(toClient),
      cwd,
      version: 'test',
      delay: 5,
      worker: false,
    })
    exitCode = running.exited
    connection = createProtocolConnection(new StreamMessageReader(toClient), new StreamMessageWriter(toServer))
  }
  const logs: string[] = []
  const registrations: unknown[] = []
  const published: Client['published'] = []
  const documents = new Map<string, TextDocument>()
  const waiting = new Map<string, Array<(params: PublishDiagnosticsParams) => void>>()
  connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
    published.push({uri: params.uri, version: params.version})
    for (const resolve of waiting.get(params.uri)?.splice(0) ?? []) resolve(params)
  })
  connection.onNotification(LogMessageNotification.type, ({message}) => {
    logs.push(message)
  })
  connection.onRequest(RegistrationRequest.type, ({registrations: list}) => {
    registrations.push(...list)
  })
  connection.listen()

  const initialized = await connection.sendRequest(InitializeRequest.type, {
    processId: null,
    // eslint-disable-next-line @typescript-eslint/no-deprecated -- still required by the type; the folders say where the workspace is
    rootUri: null,
    workspaceFolders: folders.map((folder) => ({uri: uriOf(folder), name: folder})),
    capabilities: {workspace: {didChangeWatchedFiles: {dynamicRegistration: watch}}},
  })
  await connection.sendNotification(InitializedNotification.type, {})

  const next = (path: string) =>
    new Promise<Diagnostic[]>((resolve) => {
      const uri = uriOf(path)
      const list = waiting.get(uri) ?? []
      list.push((params) => resolve(params.diagnostics))
      waiting.set(uri, list)
    })
  /** Diagnostics for the document's current version (a lint of an older one is never published, see scheduler.ts). */
  const settle = async (path: string): Promise<Diagnostic[]> => {
    const version = documents.get(uriOf(path))?.version
    for (;;) {
      const uri = uriOf(path)
      const params = await new Promise<PublishDiagnosticsParams>((resolve) => {
        const list = waiting.get(uri) ?? []
        list.push(resolve)
        waiting.set(uri, list)
      })
      if (params.version === undefined || params.version === version) return params.diagnostics
    }
  }
  const document = (path: string) => documents.get(uriOf(path))!

  const client: Client = {
    connection,
    initialized,
    logs,
    registrations,
    published,
    async open(path, text, languageId = 'markdown') {
      const uri = uriOf(path)
      documents.set(uri, TextDocument.create(uri, languageId, 1, text))
      const published = settle(path)
      await connection.sendNotification(DidOpenTextDocumentNotification.type, {textDocument: {uri, languageId, version: 1, text}})
      return published
    },
    async change(path, changes) {
      const current = document(path)
      const updated = TextDocument.update(current, changes, current.version + 1)
      documents.set(current.uri, updated)
      const published = settle(path)
      await connection.sendNotification(DidChangeTextDocumentNotification.type, {textDocument: {uri: current.uri, version: updated.version}, contentChanges: changes})
      return published
    },
    text: (path) => document(path).getText(),
    async apply(path, action) {
      const current = document(path)
      const edits = action.edit?.changes?.[current.uri] ?? []
      // As an editor sends an edit: each as a change of the document, last first so earlier ranges hold.
      const ordered = [...edits].sort((a, b) => current.offsetAt(b.range.start) - current.offsetAt(a.range.start))
      return client.change(path, ordered.map((edit) => ({range: edit.range, text: edit.newText})))
    },
    async codeActions(path, range) {
      const result = await connection.sendRequest(CodeActionRequest.type, {textDocument: {uri: uriOf(path)}, range, context: {diagnostics: []}})
      return (result ?? []) as CodeAction[]
    },
    async hover(path, line, character) {
      const result = await connection.sendRequest(HoverRequest.type, {textDocument: {uri: uriOf(path)}, position: {line, character}})
      return result ? (result.contents as {value: string}).value : undefined
    },
    async close(path) {
      const uri = uriOf(path)
      documents.delete(uri)
      const published = next(path)
      await connection.sendNotification(DidCloseTextDocumentNotification.type, {textDocument: {uri}})
      return published
    },
    next,
    watched(changes) {
      void connection.sendNotification(DidChangeWatchedFilesNotification.type, {changes})
    },
    saved(path) {
      void connection.sendNotification(DidSaveTextDocumentNotification.type, {textDocument: {uri: uriOf(path)}})
    },
    async stop() {
      await connection.sendRequest(ShutdownRequest.type)
      await connection.sendNotification(ExitNotification.type)
      const code = await exitCode
      connection.dispose()
      child?.stdin?.end()
      return code
    },
  }
  return client
}

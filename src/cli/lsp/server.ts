/**
 * `liaison lsp`: the language server, on vscode-languageserver (see
 * docs/editors.md). It keeps the open documents (incremental sync), lints
 * them through the runner (runner.ts, a worker thread when built) as the
 * scheduler says (scheduler.ts: debounced, latest version only), publishes
 * the diagnostics, and answers code actions and hovers from the last lint of
 * the version the editor shows. A config or ignore file that changes (a
 * watched-file event, or a save in the editor) makes every open document be
 * linted again with the configs read afresh.
 *
 * The server keeps nothing the editor has not sent, except what it reads
 * from configs; it writes nothing to disk.
 */
import {basename} from 'node:path'
import {fileURLToPath} from 'node:url'
import {
  type Connection,
  createConnection,
  DidChangeWatchedFilesNotification,
  type MessageReader,
  type MessageWriter,
  TextDocuments,
  TextDocumentSyncKind,
} from 'vscode-languageserver/node'
import {TextDocument} from 'vscode-languageserver-textdocument'
import {searchPlaces} from '../config-files.ts'
import type {FileKind} from '../kinds.ts'
import {codeActions} from './actions.ts'
import type {LintRequest} from './document-linter.ts'
import {documentKind, untitledPath} from './documents.ts'
import {hoverAt} from './hover.ts'
import type {Outcome} from './problems.ts'
import {createRunner, type LintRunner} from './runner.ts'
import {Scheduler} from './scheduler.ts'

export interface ServerOptions {
  reader: MessageReader
  writer: MessageWriter
  /** Where the server is started: the workspace when the client names none. */
  cwd: string
  version: string
  /** Milliseconds a change waits for the next before linting (default 200). */
  delay?: number
  /** Lint in a worker thread when one is built (default true). */
  worker?: boolean
}

/** Files whose change changes what a document's lint says: configs and ignore files. */
const configNames = new Set([...searchPlaces, '.gitignore', '.liaisonignore'])

export function isConfigFile(uri: string): boolean {
  return configNames.has(basename(uri))
}

interface Linted {
  version: number
  kind: FileKind
  outcome: Outcome
}

/** Starts the server on `reader`/`writer`; resolves with the exit code once the client has said `exit` or gone. */
export function startServer(options: ServerOptions): {connection: Connection; exited: Promise<number>} {
  const {reader, writer, cwd, version, delay = 200} = options
  const connection = createConnection(reader, writer)
  const documents = new TextDocuments(TextDocument)
  const linted = new Map<string, Linted>()
  let roots = [cwd]
  let runner: LintRunner | undefined
  let shutDown = false
  let canWatch = false
  /** Opened and not yet linted: linted at once, where a change waits for the next keystroke. */
  const opened = new Set<string>()

  function requestOf(document: TextDocument): {request: LintRequest; kind: FileKind} | undefined {
    const {uri} = document
    const onDisk = uri.startsWith('file:')
    const path = onDisk ? fileURLToPath(uri) : untitledPath(roots[0]!, basename(uri))
    const kind = documentKind(path, document.languageId)
    return kind && !isConfigFile(uri) ? {request: {path, kind, text: document.getText(), onDisk}, kind} : undefined
  }

  const scheduler = new Scheduler<{request: LintRequest; kind: FileKind}, {outcome: Outcome; kind: FileKind}>({
    delay,
    snapshot(uri) {
      const document = documents.get(uri)
      const request = document && requestOf(document)
      return request && {version: document.version, request}
    },
    run: async ({request, kind}) => ({outcome: await (runner ??= createRunner(roots, options.worker)).run(request), kind}),
    done(uri, version, {outcome, kind}) {
      linted.set(uri, {version, kind, outcome})
      for (const note of outcome.notes) connection.console.info(note)
      void connection.sendDiagnostics({uri, version, diagnostics: outcome.problems})
    },
  })

  /** The last lint of `uri`, if it is of the version the editor has. */
  function current(uri: string): {document: TextDocument; lint: Linted} | undefined {
    const document = documents.get(uri)
    const lint = linted.get(uri)
    return document && lint?.version === document.version ? {document, lint} : undefined
  }

  function relintAll(): void {
    runner?.reset()
    for (const document of documents.all()) scheduler.schedule(document.uri, true)
  }

  connection.onInitialize((params) => {
    // eslint-disable-next-line @typescript-eslint/no-deprecated -- clients that know no workspace folders (older ones, some editors' defaults) send only rootUri
    const rootUri = params.rootUri
    const folders = params.workspaceFolders?.map((folder) => folder.uri) ?? (rootUri ? [rootUri] : [])
    const paths = folders.filter((uri) => uri.startsWith('file:')).map((uri) => fileURLToPath(uri))
    if (paths.length > 0) roots = paths
    canWatch = params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true
    return {
      capabilities: {
        textDocumentSync: {openClose: true, change: TextDocumentSyncKind.Incremental, save: {includeText: false}},
        codeActionProvider: {codeActionKinds: ['quickfix']},
        hoverProvider: true,
      },
      serverInfo: {name: 'liaison', version},
    }
  })

  connection.onInitialized(() => {
    // The lint machinery loads now, after `initialize` is answered, while the editor opens its first document.
    runner ??= createRunner(roots, options.worker)
    // Clients that can watch files for the server are asked to; with others, saving a config in the editor re-lints.
    if (!canWatch) return
    const watchers = [...configNames].map((name) => ({globPattern: `**/${name}`}))
    connection.client.register(DidChangeWatchedFilesNotification.type, {watchers}).catch((error: unknown) => {
      connection.console.warn(`liaison: the editor would not watch config files (${(error as Error).message}); save a config in the editor to re-lint`)
    })
  })

  // An open is also a change (TextDocuments fires both): linted at once, not after the typing delay.
  documents.onDidOpen(({document}) => opened.add(document.uri))
  documents.onDidChangeContent(({document}) => {
    const now = opened.delete(document.uri)
    if (requestOf(document)) scheduler.schedule(document.uri, now)
    // A config file, or a language liaison does not read: said once, so the editor shows a clean document.
    else if (now) void connection.sendDiagnostics({uri: document.uri, version: document.version, diagnostics: []})
  })
  documents.onDidClose(({document}) => {
    scheduler.forget(document.uri)
    opened.delete(document.uri)
    linted.delete(document.uri)
    void connection.sendDiagnostics({uri: document.uri, diagnostics: []})
  })
  documents.onDidSave(({document}) => {
    if (isConfigFile(document.uri)) relintAll()
  })
  connection.onDidChangeWatchedFiles(({changes}) => {
    if (changes.some((change) => isConfigFile(change.uri))) relintAll()
  })

  connection.onCodeAction(({textDocument, range}) => {
    const found = current(textDocument.uri)
    return found ? codeActions(found.document, found.lint.kind, found.lint.outcome.problems, range) : []
  })

  connection.onHover(({textDocument, position}) => {
    const found = current(textDocument.uri)
    return found ? hoverAt(found.lint.outcome.problems, found.lint.outcome.messages ?? [], position) : null
  })

  connection.onShutdown(async () => {
    shutDown = true
    await scheduler.idle()
    await runner?.close()
  })

  const exited = new Promise<number>((resolve) => {
    let finished = false
    const finish = () => {
      if (finished) return
      finished = true
      // A client that goes away without `shutdown` has failed (LSP: exit code 1).
      void scheduler.idle().then(() => runner?.close())
      // After the handler returns: the connection still finishes the message it is handling.
      setImmediate(() => connection.dispose())
      resolve(shutDown ? 0 : 1)
    }
    connection.onExit(finish)
    reader.onClose(finish)
  })

  documents.listen(connection)
  connection.listen()
  return {connection, exited}
}


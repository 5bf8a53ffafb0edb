/**
 * `npm run bench:lsp`: the language server as an editor meets it (the built
 * `liaison lsp --stdio`, spawned, spoken to over stdio). Reported as ratios
 * within the run, since the machine is shared. Not part of `npm test`: no
 * test asserts a time.
 *
 * - start-up: process start to the answer to `initialize`, against the
 *   start and exit of `node -e 0` (the issue asks for at most 2×);
 * - first diagnostics: from sending didOpen to the first publishDiagnostics,
 *   for a 2 KB draft and a 1 MiB file (plain text, and Markdown; just under
 *   1 MiB, Markdown's limit), in a
 *   server that has answered `initialize` and nothing else.
 *
 *   npm run bench:lsp [-- --rounds N]
 */
import {spawn, spawnSync} from 'node:child_process'
import {mkdtempSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {pathToFileURL} from 'node:url'
import {parseArgs} from 'node:util'
import {
  DidOpenTextDocumentNotification,
  InitializedNotification,
  InitializeRequest,
  PublishDiagnosticsNotification,
} from 'vscode-languageserver-protocol'
import {createProtocolConnection, StreamMessageReader, StreamMessageWriter} from 'vscode-languageserver-protocol/node'
import {largeFile} from './corpus.ts'

const {values} = parseArgs({options: {rounds: {type: 'string', default: '7'}}})
const rounds = Number(values.rounds)
const bin = new URL('../dist/src/cli/bin.js', import.meta.url).pathname
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!
const ms = () => Number(process.hrtime.bigint()) / 1e6

function nodeStart(): number {
  const start = ms()
  spawnSync(process.execPath, ['-e', '0'])
  return ms() - start
}

/** Starts the server; resolves once `initialize` is answered, with the time it took. */
async function startServer(cwd: string) {
  const start = ms()
  const child = spawn(process.execPath, [bin, 'lsp', '--stdio'], {cwd, stdio: ['pipe', 'pipe', 'inherit']})
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin))
  connection.listen()
  // eslint-disable-next-line @typescript-eslint/no-deprecated -- the protocol's type still requires rootUri; null says: see workspaceFolders
  await connection.sendRequest(InitializeRequest.type, {processId: null, rootUri: null, workspaceFolders: [{uri: pathToFileURL(cwd).href, name: 'bench'}], capabilities: {}})
  const initialize = ms() - start
  await connection.sendNotification(InitializedNotification.type, {})
  const stop = () => {
    connection.dispose()
    child.kill()
  }
  return {connection, initialize, stop}
}

async function firstDiagnostics(cwd: string, name: string, text: string, languageId: string): Promise<{time: number; count: number}> {
  const server = await startServer(cwd)
  const uri = pathToFileURL(join(cwd, name)).href
  const published = new Promise<number>((resolve) => {
    server.connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
      if (params.uri === uri) resolve(params.diagnostics.length)
    })
  })
  const start = ms()
  await server.connection.sendNotification(DidOpenTextDocumentNotification.type, {textDocument: {uri, languageId, version: 1, text}})
  const count = await published
  const time = ms() - start
  server.stop()
  return {time, count}
}

/** Synthetic updates (bench/corpus.ts), some with problems, as paragraphs: exactly `bytes` long, cut at a paragraph. */
function draftOf(bytes: number): string {
  const text = largeFile(bytes)
  return text.slice(0, text.lastIndexOf('\n\n', bytes) + 2)
}

const dir = mkdtempSync(join(tmpdir(), 'liaison-bench-lsp-'))
try {
  const node: number[] = []
  const initialize: number[] = []
  for (let round = 0; round < rounds; round++) {
    node.push(nodeStart())
    const server = await startServer(dir)
    initialize.push(server.initialize)
    server.stop()
  }
  const floor = median(node)
  console.log(`node -e 0: ${floor.toFixed(0)} ms; initialize answered: ${median(initialize).toFixed(0)} ms (${(median(initialize) / floor).toFixed(2)}× node -e 0), median of ${rounds}`)
  const cases = [
    ['2 KB draft (Markdown)', 'drafts/small.md', draftOf(2 * 1024), 'markdown'],
    ['1 MiB file (plain text)', 'drafts/large.txt', draftOf(1024 * 1024), 'plaintext'],
    ['1 MiB file (Markdown)', 'drafts/large.md', draftOf(1024 * 1024), 'markdown'],
  ] as const
  for (const [label, name, text, language] of cases) {
    const samples: number[] = []
    let count = 0
    for (let round = 0; round < (text.length > 100_000 ? Math.min(3, rounds) : rounds); round++) {
      const result = await firstDiagnostics(dir, name, text, language)
      samples.push(result.time)
      count = result.count
    }
    console.log(`${label}, ${Buffer.byteLength(text)} bytes: first diagnostics after ${median(samples).toFixed(0)} ms (${count} diagnostics; ${(median(samples) / floor).toFixed(1)}× node -e 0)`)
  }
} finally {
  rmSync(dir, {recursive: true, force: true})
}

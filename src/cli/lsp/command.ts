/**
 * `liaison lsp --stdio`: the language server on standard input and output
 * (the one transport every editor speaks). Nothing else may be written to
 * standard output: it carries the protocol. Resolves with the exit code once
 * the client says `exit` (0 after `shutdown`, else 1) or closes the pipe.
 */
import {Readable, Writable} from 'node:stream'
import {StreamMessageReader, StreamMessageWriter} from 'vscode-languageserver/node'
import {UsageError} from '../errors.ts'
import type {CliIO} from '../run.ts'
import {version} from '../version.ts'
import {startServer} from './server.ts'

export const lspUsage = 'usage: liaison lsp --stdio (the language server for editors; see docs/editors.md)'

export async function lsp(argv: readonly string[], io: CliIO): Promise<number> {
  if (argv.length !== 1 || argv[0] !== '--stdio') {
    throw new UsageError(`lsp: ${argv.length === 0 ? 'say how to talk to the editor' : `unknown argument ${JSON.stringify(argv.find((arg) => arg !== '--stdio'))}`}; ${lspUsage}`)
  }
  const input = Readable.from(io.stdin, {objectMode: false})
  const output = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      io.stdout.write(chunk.toString('utf8'))
      callback()
    },
  })
  const {exited} = startServer({reader: new StreamMessageReader(input), writer: new StreamMessageWriter(output), cwd: io.cwd, version: version()})
  const code = await exited
  // Stops reading standard input, so the process can end.
  input.destroy()
  return code
}

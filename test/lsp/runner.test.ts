/**
 * The lint worker and the command, in this process: the built worker lints,
 * re-reads configs on reset, and a worker that dies becomes an error
 * diagnostic, not a dead server; `lsp()` takes only `--stdio`, and ends with
 * the exit code LSP asks for.
 */
import {writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {pathToFileURL} from 'node:url'
import {describe, expect, it} from 'vitest'
import {lsp} from '../../src/cli/lsp/command.ts'
import {workerRunner} from '../../src/cli/lsp/runner.ts'
import {project, write} from '../cli/support.ts'
import {root} from '../support/fixtures.ts'

const worker = pathToFileURL(join(root, 'dist/src/cli/lsp-worker.js'))
const guess = 'We think the outage was caused by a bad deploy. Customers may see errors. Next update in 30 minutes.\n'

describe('the lint worker', () => {
  it('lints in the built worker, and reads the configs again after a reset', async () => {
    const dir = project({'.git/HEAD': 'ref: refs/heads/main\n'})
    const runner = workerRunner(worker, [dir])
    const request = {path: join(dir, 'drafts/a.md'), kind: 'markdown' as const, text: guess, onDisk: true}
    expect((await runner.run(request)).problems.map((problem) => problem.code)).toEqual(['no-speculation'])
    write(dir, {'.liaisonrc.yaml': 'rules:\n  no-speculation: off\n'})
    runner.reset()
    expect((await runner.run(request)).problems).toEqual([])
    await runner.close()
    await runner.close()
  })

  it('turns a worker that dies into an error diagnostic, and starts another', async () => {
    const dir = project()
    const dying = join(dir, 'dying.mjs')
    writeFileSync(dying, "throw new Error('out of memory, say')\n")
    const runner = workerRunner(pathToFileURL(dying), [dir])
    const request = {path: join(dir, 'drafts/a.md'), kind: 'markdown' as const, text: guess, onDisk: true}
    const [problem] = (await runner.run(request)).problems
    expect(problem!.message).toBe(`liaison could not lint this file: the lint worker stopped (out of memory, say); edit the file to try again`)
    // The next lint gets a new worker (which dies the same way here).
    expect((await runner.run(request)).problems).toHaveLength(1)
    await runner.close()
  })
})

describe('lsp()', () => {
  /** Standard input that sends `input`, each part once the output holds what the part waits for. */
  const io = (input: Array<[string, string?]>, output: string[] = []) => {
    let written = ''
    const waiting: Array<() => void> = []
    return {
      cwd: root,
      env: {},
      stdin: (async function* () {
        for (const [chunk, after] of input) {
          if (after !== undefined) while (!written.includes(after)) await new Promise<void>((resolve) => waiting.push(resolve))
          yield chunk
        }
      })(),
      stdout: {
        write(chunk: string) {
          output.push(chunk)
          written += chunk
          for (const resolve of waiting.splice(0)) resolve()
        },
      },
      stderr: {write: () => true},
    }
  }
  const frame = (message: object) => {
    const body = JSON.stringify({jsonrpc: '2.0', ...message})
    return `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`
  }

  it('takes --stdio and nothing else', async () => {
    await expect(lsp([], io([]))).rejects.toThrow('lsp: say how to talk to the editor; usage: liaison lsp --stdio')
    await expect(lsp(['--stdio', '--socket=9'], io([]))).rejects.toThrow('lsp: unknown argument "--socket=9"; usage: liaison lsp --stdio')
  })

  it('answers on standard output and exits 0 after shutdown, 1 when the editor just goes', async () => {
    const output: string[] = []
    const initialize = frame({id: 1, method: 'initialize', params: {processId: null, rootUri: null, capabilities: {}}})
    const exchange: Array<[string, string?]> = [[initialize], [frame({id: 2, method: 'shutdown'}), '"id":1'], [frame({method: 'exit'}), '"id":2']]
    expect(await lsp(['--stdio'], io(exchange, output))).toBe(0)
    expect(output.join('')).toMatch(/^Content-Length: \d+\r\n\r\n\{"jsonrpc":"2.0","id":1,"result":\{"capabilities":/)
    // Standard input closes without shutdown: a client that crashed.
    expect(await lsp(['--stdio'], io([[initialize]]))).toBe(1)
  })
})

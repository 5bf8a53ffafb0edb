/**
 * Where documents are linted: in a worker thread, so that linting a large
 * file never holds up the server's answers (hover, code actions, the next
 * keystroke's change); or, where no worker file was built (tests running the
 * TypeScript source), on the server's own thread.
 *
 * A worker that dies (out of memory on a huge draft) fails the lints it had
 * as an error diagnostic, and a new one starts for the next lint: the server
 * itself never goes down with it.
 */
import {existsSync} from 'node:fs'
import {fileURLToPath} from 'node:url'
import {Worker} from 'node:worker_threads'
import type {LintRequest} from './document-linter.ts'
import {fileProblem, type Outcome} from './problems.ts'

export interface LintRunner {
  run(request: LintRequest): Promise<Outcome>
  /** A config or ignore file changed: read them again. */
  reset(): void
  close(): Promise<void>
}

/** Messages to the worker (worker.ts). */
export type ToWorker = {id: number; request: LintRequest} | {reset: true}
/** Messages from it. */
export interface FromWorker {
  id: number
  outcome: Outcome
}

/**
 * Lints on this thread. The linting machinery is imported here, not above, so
 * that the server answers `initialize` before it is loaded; a reset and a run
 * wait for it in the order they were asked.
 */
export function threadRunner(roots: readonly string[]): LintRunner {
  const linter = import('./document-linter.ts').then(({createDocumentLinter}) => createDocumentLinter(roots))
  return {run: (request) => linter.then((made) => made.lint(request)), reset: () => void linter.then((made) => made.reset()), close: async () => {}}
}

/** Lints in a worker thread, started at once: it loads the linting machinery while the editor sends the first document. */
export function workerRunner(file: URL, roots: readonly string[]): LintRunner {
  let worker: Worker | undefined
  let nextId = 0
  const pending = new Map<number, {resolve: (outcome: Outcome) => void; request: LintRequest}>()

  function start(): Worker {
    const started = new Worker(file, {workerData: {roots}})
    started.on('message', ({id, outcome}: FromWorker) => {
      pending.get(id)?.resolve(outcome)
      pending.delete(id)
    })
    const fail = (why: string) => {
      if (worker === started) worker = undefined
      for (const {resolve, request} of pending.values()) {
        const problem = fileProblem(`the lint worker stopped (${why}); edit the file to try again`, request.path)
        resolve({problems: [problem], notes: [`${request.path}: ${problem.message}`]})
      }
      pending.clear()
    }
    started.on('error', (error) => fail(error.message))
    started.on('exit', (code) => fail(`exit code ${code}`))
    return started
  }
  worker = start()

  return {
    run(request) {
      worker ??= start()
      const id = nextId++
      const done = new Promise<Outcome>((resolve) => pending.set(id, {resolve, request}))
      worker.postMessage({id, request} satisfies ToWorker)
      return done
    },
    reset: () => worker?.postMessage({reset: true} satisfies ToWorker),
    async close() {
      const stopping = worker
      worker = undefined
      await stopping?.terminate()
    },
  }
}

/** The worker beside the built server (scripts/build-cli.mjs), else the server's own thread. */
export function createRunner(roots: readonly string[], useWorker = true): LintRunner {
  const file = new URL('./lsp-worker.js', import.meta.url)
  return useWorker && existsSync(fileURLToPath(file)) ? workerRunner(file, roots) : threadRunner(roots)
}

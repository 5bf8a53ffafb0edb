/**
 * The lint worker of `liaison lsp` (see runner.ts): lints one document at a
 * time, in order, with the same document linter the server's thread would use.
 */
import {parentPort, workerData} from 'node:worker_threads'
import {createDocumentLinter} from './document-linter.ts'
import type {FromWorker, ToWorker} from './runner.ts'

/* v8 ignore start -- @preserve runs only in the built server's worker thread, which coverage does not see; test/lsp/server.test.ts drives it */
const linter = createDocumentLinter((workerData as {roots: string[]}).roots)
parentPort!.on('message', (message: ToWorker) => {
  if ('reset' in message) {
    linter.reset()
    return
  }
  void linter.lint(message.request).then((outcome) => parentPort!.postMessage({id: message.id, outcome} satisfies FromWorker))
})
/* v8 ignore stop */

/**
 * The entry of the language server's lint worker in the built command
 * (`lsp-worker.js`, see runner.ts): worker.ts and what it needs are a
 * CommonJS chunk, loaded with V8's code cache as the command's are (see
 * ../code-cache.ts). The cache is written when the worker exits.
 */
import {createChunkLoader} from '../code-cache.ts'
import {importKey} from '../import-module.ts'

/* v8 ignore start -- @preserve runs only in the built server's worker thread, which coverage does not see; test/lsp/server.test.ts drives it */
;(globalThis as Record<symbol, unknown>)[importKey] = (specifier: string) => import(specifier)
const chunks = createChunkLoader(process.env)
chunks.load(new URL('./lsp-worker.cjs', import.meta.url))
process.on('exit', () => chunks.save())
/* v8 ignore stop */

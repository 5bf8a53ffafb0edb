#!/usr/bin/env node
/**
 * The `liaison` executable: `run()` wired to this process. The exit code is
 * set, not forced, so buffered output is flushed before Node exits. The rest
 * of the command is CommonJS chunks beside this file, loaded with V8's code
 * cache (see code-cache.ts and scripts/build-cli.mjs).
 */
import * as nodeModule from 'node:module'
import {createChunkLoader} from './code-cache.ts'
import {importKey} from './import-module.ts'
import {line} from './visible.ts'

/* v8 ignore start -- @preserve run by test/cli/bin.test.ts in a child process, which coverage does not see */

// Node 22.1+ caches compiled code between runs; older Nodes lack the function.
;(nodeModule as {enableCompileCache?: () => unknown}).enableCompileCache?.()

// `liaison … | head` closes the pipe early; that is not a failure to report.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0)
  throw error
})

const argv = process.argv.slice(2)
// The chunks are scripts, where import() needs an experimental flag: this module lends its own.
;(globalThis as Record<symbol, unknown>)[importKey] = (specifier: string) => import(specifier)
const chunks = createChunkLoader(process.env)
// Not top-level await: this file is CommonJS (see scripts/build-cli.mjs).
void (async () => {
  try {
    // Loaded here, not above, so that a chunk failing to load is reported like any other failure.
    const {run} = chunks.load(new URL('./run.cjs', import.meta.url)) as typeof import('./run.ts')
    process.exitCode = await run(argv, {
      cwd: process.cwd(),
      env: process.env,
      // process.stdin builds a stream on first use; most runs never read it.
      stdin: {[Symbol.asyncIterator]: () => process.stdin[Symbol.asyncIterator]()},
      stdout: process.stdout,
      stderr: process.stderr,
    })
    chunks.save()
  } catch (error) {
    const {message, stack} = error as Error
    // One escaped line per line of output (see visible.ts): nothing here may start a workflow command.
    const lines = [`liaison: internal error: ${message}${argv.includes('--debug') ? '' : ' (rerun with --debug for the stack)'}`]
    if (argv.includes('--debug') && stack) lines.push(...stack.split('\n').filter((frame) => /^\s+at /.test(frame)))
    process.stderr.write(lines.map(line).join(''))
    process.exitCode = 2
  }
})()
/* v8 ignore stop */

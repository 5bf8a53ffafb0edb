#!/usr/bin/env node
/**
 * The `liaison` executable: `run()` wired to this process. The exit code is
 * set, not forced, so buffered output is flushed before Node exits.
 */
import * as nodeModule from 'node:module'

/* v8 ignore start -- @preserve run by test/cli/bin.test.ts in a child process, which coverage does not see */

// Node 22.1+ caches compiled code between runs; older Nodes lack the function.
;(nodeModule as {enableCompileCache?: () => unknown}).enableCompileCache?.()

// `liaison … | head` closes the pipe early; that is not a failure to report.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0)
  throw error
})

const argv = process.argv.slice(2)
try {
  // Imported here, not above, so that a module failing to load is reported like any other failure.
  const {run} = await import('./run.ts')
  process.exitCode = await run(argv, {
    cwd: process.cwd(),
    env: process.env,
    // process.stdin builds a stream on first use; most runs never read it.
    stdin: {[Symbol.asyncIterator]: () => process.stdin[Symbol.asyncIterator]()},
    stdout: process.stdout,
    stderr: process.stderr,
  })
} catch (error) {
  const {message, stack} = error as Error
  process.stderr.write(`liaison: internal error: ${message}${argv.includes('--debug') ? `\n${stack}` : ' (rerun with --debug for the stack)'}\n`)
  process.exitCode = 2
}
/* v8 ignore stop */

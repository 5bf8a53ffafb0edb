#!/usr/bin/env node
/**
 * The `liaison` executable: `run()` wired to this process. The exit code is
 * set, not forced, so buffered output is flushed before Node exits.
 */
import * as nodeModule from 'node:module'
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
  // One escaped line per line of output (see visible.ts): nothing here may start a workflow command.
  const lines = [`liaison: internal error: ${message}${argv.includes('--debug') ? '' : ' (rerun with --debug for the stack)'}`]
  if (argv.includes('--debug') && stack) lines.push(...stack.split('\n').filter((frame) => /^\s+at /.test(frame)))
  process.stderr.write(lines.map(line).join(''))
  process.exitCode = 2
}
/* v8 ignore stop */

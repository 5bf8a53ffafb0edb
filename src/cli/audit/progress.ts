/**
 * Progress of a long audit on standard error: one line, rewritten in place,
 * only on a terminal (a pipe or a CI log gets nothing), and only when there
 * is enough to wait for.
 */
export interface Progress {
  tick(): void
  done(): void
}

/** Below this many incidents an audit takes about a second: no progress line. */
const worthShowing = 200

export function createProgress(stderr: {write(chunk: string): unknown; isTTY?: boolean}, total: number): Progress {
  if (stderr.isTTY !== true || total < worthShowing) return {tick() {}, done() {}}
  let count = 0
  let shown = -1
  const draw = () => {
    const percent = Math.floor((count / total) * 100)
    if (percent === shown) return
    shown = percent
    stderr.write(`\rliaison audit: ${count}/${total} incidents (${percent}%)`)
  }
  draw()
  return {
    tick() {
      count++
      draw()
    },
    done() {
      // Clear the line, so the report starts on a clean one.
      stderr.write('\r\u001B[2K')
    },
  }
}

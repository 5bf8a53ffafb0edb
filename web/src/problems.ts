/**
 * Problems as the page handles them: plain offsets into the draft, so the
 * backdrop, the list and the tooltip share one shape, and the page never
 * reaches into vfile messages after the lint.
 */
export interface Problem {
  start: number
  end: number
  ruleId: string
  messageId: string
  severity: 'error' | 'warning'
  reason: string
  note: string | undefined
  url: string | undefined
  actual: string | undefined
  expected: readonly string[]
}

/** A run of the draft and the problems covering it (none for plain text). */
export interface Segment {
  start: number
  end: number
  problems: number[]
}

/**
 * Cut the draft at every problem boundary. Problems overlap (the part past
 * the length limit covers whatever else is reported there), so each run
 * lists every problem over it rather than nesting marks. An empty range is
 * widened to one character so it stays visible.
 */
export function segment(length: number, problems: readonly Problem[]): Segment[] {
  const spans = problems.map((problem) => {
    const start = Math.min(Math.max(problem.start, 0), length)
    const end = Math.min(Math.max(problem.end, start), length)
    return end > start ? {start, end} : {start: Math.max(0, Math.min(start, length - 1)), end: Math.min(start + 1, length)}
  })
  const cuts = new Set([0, length])
  for (const span of spans) cuts.add(span.start).add(span.end)
  const points = [...cuts].sort((a, b) => a - b)
  const runs: Segment[] = []
  for (let i = 0; i + 1 < points.length; i++) {
    const start = points[i]!
    const end = points[i + 1]!
    const covering = spans.flatMap((span, index) => (span.start <= start && span.end >= end ? [index] : []))
    const last = runs.at(-1)
    // Adjacent plain runs are merged so the backdrop stays a handful of nodes.
    if (last && covering.length === 0 && last.problems.length === 0) last.end = end
    else runs.push({start, end, problems: covering})
  }
  return runs
}

/**
 * Move problem ranges through an edit so underlines stay on their words
 * while the next lint is pending. The edit is found as the changed middle
 * between the common prefix and suffix, which is exact for typing, pasting
 * and deleting a selection. A range the edit lands inside stretches or
 * shrinks with it; the next lint replaces every range anyway.
 */
export function shift(problems: readonly Problem[], before: string, after: string): Problem[] {
  if (before === after) return [...problems]
  const shortest = Math.min(before.length, after.length)
  let prefix = 0
  while (prefix < shortest && before.charCodeAt(prefix) === after.charCodeAt(prefix)) prefix++
  let suffix = 0
  while (
    suffix < shortest - prefix &&
    before.charCodeAt(before.length - 1 - suffix) === after.charCodeAt(after.length - 1 - suffix)
  )
    suffix++
  const editEnd = before.length - suffix
  const delta = after.length - before.length
  const moved: Problem[] = []
  for (const problem of problems) {
    if (problem.end <= prefix) moved.push(problem)
    else if (problem.start >= editEnd) moved.push({...problem, start: problem.start + delta, end: problem.end + delta})
    else {
      // Keep the part of the range the edit left alone.
      const start = problem.start <= prefix ? problem.start : editEnd + delta
      const end = problem.end >= editEnd ? problem.end + delta : prefix
      if (end > start) moved.push({...problem, start, end})
    }
  }
  return moved
}

/** The problems whose range holds the caret (a caret just after a word still touches it). */
export function problemsAt(problems: readonly Problem[], caret: number): number[] {
  return problems.flatMap((problem, index) => (problem.start <= caret && caret <= problem.end ? [index] : []))
}

export function summarize(problems: readonly Problem[]): string {
  if (problems.length === 0) return 'No problems'
  const errors = problems.filter((problem) => problem.severity === 'error').length
  const warnings = problems.length - errors
  const parts = [errors && plural(errors, 'error'), warnings && plural(warnings, 'warning')].filter(Boolean)
  return `${plural(problems.length, 'problem')}: ${parts.join(', ')}`
}

export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`
}

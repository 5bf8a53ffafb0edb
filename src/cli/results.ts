/**
 * Lint results in ESLint's shape, which every formatter reads: one result
 * per file, messages with 1-based line/column (end exclusive, as vfile and
 * SARIF count) and severity 1 (warning) or 2 (error). A note that is no
 * rule's finding (vfile's `info()`, e.g. "the wording rules were skipped on
 * this French message") has severity 0: ESLint never reports severity 0, so
 * readers of its shape see it as neither, and it counts toward neither total
 * (a note must not trip `--max-warnings 0`).
 */
import type {VFile} from 'vfile'
import type {VFileMessage} from 'vfile-message'
import {line} from './visible.ts'

export interface Suggestion {
  desc: string
  /** Offsets into the file's text: replace `range` with `text`. */
  fix: {range: [number, number]; text: string}
}

export interface LintMessage {
  /** Null for problems that are not a rule's finding (an ignored file, a broken comment). */
  ruleId: string | null
  /** 0: a note (info), 1: warning, 2: error. */
  severity: 0 | 1 | 2
  message: string
  line?: number
  column?: number
  endLine?: number
  endColumn?: number
  messageId?: string
  url?: string
  /** The text reported, and the rule's suggested replacements for it (plain text, best first). */
  actual?: string
  expected?: string[]
  /** The fix `--fix` applies (a range of the file and its replacement), when the rule marks its suggestion safe and it lands exactly. */
  fix?: {range: [number, number]; text: string}
  suggestions?: Suggestion[]
}

export interface LintResult {
  /** Absolute path, or `<text>` for standard input without --stdin-filename. */
  filePath: string
  messages: LintMessage[]
  errorCount: number
  warningCount: number
  /** The fixed text, with --fix or --fix-dry-run, when a fix applied (ESLint's `output`). */
  output?: string
}

export const stdinPath = '<text>'

function count(filePath: string, messages: LintMessage[]): LintResult {
  const errorCount = messages.filter((message) => message.severity === 2).length
  const warningCount = messages.filter((message) => message.severity === 1).length
  return {filePath, messages, errorCount, warningCount}
}

/** What a suggestion does, in words: the same in `--format json` and in an editor's quick-fix menu. */
export function suggestionTitle(actual: string | undefined, text: string): string {
  return text === '' ? `Remove ${JSON.stringify(actual)}` : `Replace ${JSON.stringify(actual)} with ${JSON.stringify(text)}`
}

function suggestions(actual: string | undefined, expected: readonly string[], start?: number, end?: number): Suggestion[] | undefined {
  if (start === undefined || end === undefined) return undefined
  return expected.map((text) => ({desc: suggestionTitle(actual, text), fix: {range: [start, end], text}}))
}

/** `fixes`: what each fixable report would change (see fix.ts). */
export function toResult(filePath: string, file: VFile, fixes?: ReadonlyMap<VFileMessage, {range: [number, number]; text: string}>): LintResult {
  const messages = file.messages.map((problem): LintMessage => {
    const {place} = problem
    const start = place && 'start' in place ? place.start : place
    const end = place && 'end' in place ? place.end : undefined
    const message: LintMessage = {
      ruleId: problem.ruleId ?? null,
      // vfile: fatal true is an error, false a warning, unset an info note.
      severity: problem.fatal === true ? 2 : problem.fatal === false ? 1 : 0,
      message: problem.reason,
    }
    if (start) Object.assign(message, {line: start.line, column: start.column})
    if (end) Object.assign(message, {endLine: end.line, endColumn: end.column})
    if (problem.messageId) message.messageId = problem.messageId
    if (problem.url) message.url = problem.url
    if (typeof problem.actual === 'string') message.actual = problem.actual
    if (problem.expected && problem.expected.length > 0) {
      message.expected = [...problem.expected]
      const fix = fixes?.get(problem)
      if (fix) message.fix = fix
      const offered = suggestions(message.actual, problem.expected, start?.offset, end?.offset)
      if (offered) message.suggestions = offered
    }
    return message
  })
  return count(filePath, messages)
}

/** A file named on the command line but ignored: a warning, so it is not silently skipped. */
export function ignoredResult(filePath: string, reason: string): LintResult {
  return count(filePath, [{ruleId: null, severity: 1, message: `File ignored because ${reason}`}])
}

/** `--quiet`: errors only, counted again. */
export function errorsOnly(result: LintResult): LintResult {
  const kept = count(
    result.filePath,
    result.messages.filter((message) => message.severity === 2),
  )
  return result.output === undefined ? kept : {...kept, output: result.output}
}

export function totals(results: readonly LintResult[]): {errors: number; warnings: number} {
  let errors = 0
  let warnings = 0
  for (const result of results) {
    errors += result.errorCount
    warnings += result.warningCount
  }
  return {errors, warnings}
}

/** 1 for errors or more warnings than `maxWarnings` (saying so on `stderr`), else 0. */
export function exitCode(results: readonly LintResult[], maxWarnings: number | undefined, stderr: {write(chunk: string): unknown}): 0 | 1 {
  const {errors, warnings} = totals(results)
  if (errors > 0) return 1
  if (maxWarnings !== undefined && warnings > maxWarnings) {
    stderr.write(line(`liaison: too many warnings (${warnings}; --max-warnings is ${maxWarnings})`))
    return 1
  }
  return 0
}

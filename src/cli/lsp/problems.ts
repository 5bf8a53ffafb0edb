/**
 * A linted file's reports as LSP diagnostics: plain data, so they cross from
 * the lint worker to the server as they are.
 *
 * vfile counts lines and columns from 1 in UTF-16 code units, as JavaScript
 * strings do; LSP counts from 0, in UTF-16 code units unless the client asks
 * otherwise (the server offers no other encoding). A report's own data rides
 * along in `data`, for the quick fixes and the hover: its `note`, and, where
 * the file's text reads exactly as the reported text (see templates.ts), the
 * `actual` text and the rule's `expected` replacements.
 */
// Types only: the lint worker loads no part of the server.
import type {Diagnostic, DiagnosticSeverity} from 'vscode-languageserver'
import type {VFile} from 'vfile'

/** What a diagnostic carries for quick fixes and the hover. */
export interface ProblemData {
  note?: string
  /** Set only when the range reads exactly as `actual`, so replacing it is safe. */
  actual?: string
  expected?: string[]
}

/** A diagnostic as liaison makes them: its message is always plain text. */
export type DocumentProblem = Omit<Diagnostic, 'data' | 'message'> & {message: string; data?: ProblemData}

/** The length of every channel, worst case, for one message of a template (see hover.ts). */
export interface MessageLengths {
  /** Where the message is in the file. */
  range: Diagnostic['range']
  field: string
  lengths: Array<{channel: string; length: number; limit: number}>
}

/** A lint's result: diagnostics, lines for the client's log, and template lengths. */
export interface Outcome {
  problems: DocumentProblem[]
  notes: string[]
  messages?: MessageLengths[]
}

export const source = 'liaison'

interface Point {
  line: number
  column: number
  offset?: number
}

const toPosition = (point: Point) => ({line: Math.max(0, point.line - 1), character: Math.max(0, point.column - 1)})

/** LSP's DiagnosticSeverity values. */
const errorSeverity = 1
const warningSeverity = 2
const informationSeverity = 3

function severityOf(fatal: boolean | null | undefined): DiagnosticSeverity {
  // vfile: fatal true is an error, false a warning, unset an info note (as results.ts).
  return fatal === true ? errorSeverity : fatal === false ? warningSeverity : informationSeverity
}

export function problemsOf(file: VFile): DocumentProblem[] {
  return file.messages.map((message) => {
    const {place} = message
    const start: Point | undefined = place && 'start' in place ? place.start : (place ?? undefined)
    const end: Point | undefined = place && 'end' in place ? place.end : start
    const problem: DocumentProblem = {
      range: start ? {start: toPosition(start), end: toPosition(end!)} : {start: {line: 0, character: 0}, end: {line: 0, character: 0}},
      severity: severityOf(message.fatal),
      source,
      message: message.reason,
    }
    if (message.ruleId) problem.code = message.ruleId
    if (message.url) problem.codeDescription = {href: message.url}
    const data: ProblemData = {}
    if (message.note) data.note = message.note
    // Offsets are dropped where the file is written differently from the reported text (an escape in YAML).
    const exact = start?.offset !== undefined && end?.offset !== undefined
    if (exact && typeof message.actual === 'string' && message.expected?.length) {
      data.actual = message.actual
      data.expected = [...message.expected]
    }
    if (Object.keys(data).length > 0) problem.data = data
    return problem
  })
}

/**
 * A problem with the file as a whole (too big, a broken template, a broken
 * config): at the line and column its message names after `label`, else at
 * the start of the file.
 */
export function fileProblem(message: string, label: string): DocumentProblem {
  let position = {line: 0, character: 0}
  if (message.startsWith(`${label}:`)) {
    const at = /^:(\d+):(\d+): /.exec(message.slice(label.length))
    if (at) position = toPosition({line: Number(at[1]), column: Number(at[2])})
  }
  return {range: {start: position, end: position}, severity: errorSeverity, source, message: `liaison could not lint this file: ${message}`}
}

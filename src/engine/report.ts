/**
 * Turning a rule's finding into a VFile message: exact place from offsets,
 * the reason from the rule's message template, suggestions as `expected`.
 * `ruleId`, `source`, `url` and `fatal` are stamped afterwards by the
 * executor (executor.ts), so a rule never sets them.
 */
import type {VFile} from 'vfile'
import {agreeArticle} from '../text/articles.ts'
import type {WalkedText} from '../text/walk.ts'

declare module 'vfile-message' {
  interface VFileMessage {
    /** Which of the rule's messages this is (ESLint's `messageId`). */
    messageId?: string
    /** Values interpolated into the message, for tools that re-render it. */
    data?: Record<string, string | number>
    /** The first `expected` may be applied without a person choosing (see Report). */
    fixable?: boolean
    /** `'message'`: about the whole message, not the words at its place (see Report). */
    scope?: 'message'
  }
}

/** A finding, as a rule reports it: the engine turns it into a message. */
export interface Report<M extends string = string> {
  messageId: M
  /** Offsets into the file's text. */
  start: number
  end: number
  /** Values for `{name}` slots in the message template. */
  data?: Record<string, string | number>
  /** The text being reported; defaults to the source between `start` and `end`. */
  actual?: string
  /** Replacements for `actual`, best first. */
  expected?: string[]
  /**
   * The first `expected` keeps the meaning, so a tool may apply it without
   * asking (`liaison --fix`). Leave it unset when a person must choose or
   * complete the wording, e.g. an impact statement: those stay suggestions
   * (ESLint's `fix` versus `suggest`).
   */
  fixable?: boolean
  /**
   * `'message'` when the report is about the whole message (its length,
   * something missing from it) rather than the words at its place: inline
   * comments then silence it as a whole (see src/comment-control.ts), never
   * by where the place happens to fall.
   */
  scope?: 'message'
  /** Longer explanation; defaults to the rule's note. */
  note?: string
  /**
   * Incident rules only: the update the report belongs to, as its position in
   * `context.incident.updates`; `start` and `end` are then offsets in that
   * update's text. Left out, the report is about the incident and lands on its title.
   */
  update?: number
}

/** Templates split once into text and slot names (`['Found ', 'phrase', '']`): there are a few dozen, filled for every report. */
const compiled = new Map<string, string[]>()

/** Fill `{name}` slots; a missing value is a bug in the rule, so it throws. */
export function format(template: string, data: Record<string, string | number> = {}, ruleId = ''): string {
  let parts = compiled.get(template)
  if (parts === undefined) compiled.set(template, (parts = template.split(/\{(\w+)\}/)))
  let out = parts[0]!
  for (let k = 1; k < parts.length; k += 2) {
    const name = parts[k]!
    if (!Object.hasOwn(data, name)) throw new Error(`Rule "${ruleId}": message needs data "${name}"`)
    out += String(data[name]) + parts[k + 1]!
  }
  return out
}

/**
 * VFileMessage extends Error, so each one captures a stack trace that its
 * constructor then discards (it sets `stack` to ''). The capture costs more
 * than finding most problems does, so it is switched off around the call.
 */
const canSkipStack = Object.getOwnPropertyDescriptor(Error, 'stackTraceLimit')?.writable === true

function withoutStackTrace<T>(make: () => T): T {
  /* v8 ignore next -- @preserve only where the limit is frozen (hardened realms) */
  if (!canSkipStack) return make()
  const limit = Error.stackTraceLimit
  Error.stackTraceLimit = 0
  try {
    return make()
  } finally {
    Error.stackTraceLimit = limit
  }
}

export function emit(
  file: VFile,
  doc: WalkedText,
  ruleId: string,
  messages: Record<string, string>,
  note: string | undefined,
  report: Report,
): void {
  const template = messages[report.messageId]
  if (template === undefined) throw new Error(`Rule "${ruleId}": unknown messageId "${report.messageId}"`)
  const reason = format(template, report.data, ruleId)
  let {start, expected} = report
  const written = doc.text.slice(report.start, report.end)
  // "an outage" → "a disruption", not "an disruption": the article joins the report when it must change (articles.ts).
  const agreed = expected && expected.length > 0 && (report.actual ?? written) === written ? agreeArticle(doc.text, start, expected) : undefined
  if (agreed) ({start, expected} = agreed)
  const place = {start: doc.toPoint(start), end: doc.toPoint(report.end)}
  const message = withoutStackTrace(() => file.message(reason, {place}))
  message.messageId = report.messageId
  message.actual = agreed ? doc.text.slice(start, report.end) : (report.actual ?? written)
  if (expected && expected.length > 0) {
    message.expected = expected
    if (report.fixable) message.fixable = true
  }
  if (report.scope) message.scope = report.scope
  if (report.data) message.data = report.data
  const longNote = report.note ?? note
  if (longNote) message.note = longNote
}

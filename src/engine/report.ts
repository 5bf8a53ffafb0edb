/**
 * Turning a rule's finding into a VFile message: exact place from offsets,
 * the reason from the rule's message template, suggestions as `expected`.
 * `ruleId`, `source`, `url` and `fatal` are stamped afterwards by
 * unified-lint-rule, so a rule never sets them.
 */
import type {VFile} from 'vfile'
import type {Doc} from './walk.ts'

declare module 'vfile-message' {
  interface VFileMessage {
    /** Which of the rule's messages this is (ESLint's `messageId`). */
    messageId?: string
    /** Values interpolated into the message, for tools that re-render it. */
    data?: Record<string, string | number>
  }
}

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
  /** Longer explanation; defaults to the rule's note. */
  note?: string
}

/** Fill `{name}` slots; a missing value is a bug in the rule, so it throws. */
export function format(template: string, data: Record<string, string | number> = {}, ruleId = ''): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => {
    if (!Object.hasOwn(data, name)) throw new Error(`Rule "${ruleId}": message needs data "${name}"`)
    return String(data[name])
  })
}

export function emit(
  file: VFile,
  doc: Doc,
  ruleId: string,
  messages: Record<string, string>,
  note: string | undefined,
  report: Report,
): void {
  const template = messages[report.messageId]
  if (template === undefined) throw new Error(`Rule "${ruleId}": unknown messageId "${report.messageId}"`)
  const message = file.message(format(template, report.data, ruleId), {
    place: {start: doc.toPoint(report.start), end: doc.toPoint(report.end)},
  })
  message.messageId = report.messageId
  message.actual = report.actual ?? doc.text.slice(report.start, report.end)
  if (report.expected && report.expected.length > 0) message.expected = report.expected
  if (report.data) message.data = report.data
  const longNote = report.note ?? note
  if (longNote) message.note = longNote
}

/**
 * The default: ESLint's "stylish" layout. Problems grouped by file, one
 * aligned row each (line:column, severity, message, rule id), and a summary.
 * Prints nothing when there is nothing to report.
 *
 * On a terminal, a message longer than the room left beside its place,
 * severity and rule id wraps at word boundaries, each further line indented
 * under the message, so rows stay readable at any width. Written to a pipe or
 * a file, every problem stays on one line for grep.
 */
import {displayPath} from '../paths.ts'
import {visible} from '../visible.ts'
import type {Formatter} from './index.ts'

const codes = {bold: [1, 22], dim: [2, 22], underline: [4, 24], red: [31, 39], yellow: [33, 39]} as const
type Style = keyof typeof codes

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`
}

/** The narrowest a wrapped message column gets: below this, rows overflow rather than wrap a word per line. */
const minimumColumn = 24

/** `text` in lines of at most `width` characters, broken at spaces; a longer word (a URL) gets a line of its own. */
function wrapWords(text: string, width: number): string[] {
  const lines: string[] = []
  let line = ''
  for (const word of text.split(' ')) {
    if (line !== '' && line.length + 1 + word.length > width) {
      lines.push(line)
      line = word
    } else line = line === '' ? word : `${line} ${word}`
  }
  lines.push(line)
  return lines
}

const severityNames = ['info', 'warning', 'error'] as const

export const stylish: Formatter = (results, {cwd, color, width}) => {
  const paint = (text: string, ...styles: Style[]) =>
    color && text ? styles.reduceRight((out, style) => `\u001B[${codes[style][0]}m${out}\u001B[${codes[style][1]}m`, text) : text
  let errors = 0
  let warnings = 0
  let fixableErrors = 0
  let fixableWarnings = 0
  let output = ''
  for (const result of results) {
    if (result.messages.length === 0) continue
    errors += result.errorCount
    warnings += result.warningCount
    for (const message of result.messages) {
      if (message.fix && message.severity === 2) fixableErrors++
      else if (message.fix) fixableWarnings++
    }
    const rows = result.messages.map((message) => [
      `${message.line ?? 0}:${message.column ?? 0}`,
      severityNames[message.severity],
      // Each whitespace run holding a line break becomes one space; `\s*\n\s*` would backtrack quadratically.
      visible(message.message.replace(/\s+/g, (run) => (run.includes('\n') ? ' ' : run))),
      message.ruleId ?? '',
    ])
    const widths = [0, 1, 2, 3].map((column) => Math.max(...rows.map((row) => row[column]!.length)))
    const indent = 2 + widths[0]! + 2 + widths[1]! + 2
    if (width !== undefined) {
      const room = width - indent - (widths[3]! > 0 ? 2 + widths[3]! : 0)
      widths[2] = Math.min(widths[2]!, Math.max(room, minimumColumn))
    }
    output += `\n${paint(visible(displayPath(result.filePath, cwd)), 'underline')}\n`
    for (const [place, severity, text, ruleId] of rows) {
      const [first, ...more] = width === undefined ? [text!] : wrapWords(text!, widths[2]!)
      const cells = [
        paint(place!.padEnd(widths[0]!), 'dim'),
        paint(severity!.padEnd(widths[1]!), severity === 'error' ? 'red' : severity === 'warning' ? 'yellow' : 'dim'),
        ruleId ? first!.padEnd(widths[2]!) : first!,
        paint(ruleId!, 'dim'),
      ]
      output += `  ${cells.join('  ').trimEnd()}\n`
      for (const line of more) output += `${' '.repeat(indent)}${line}\n`
    }
  }
  if (output === '') return ''
  // Only notes (no problem): list them, with no ✖ summary.
  if (errors + warnings === 0) return output
  const summary = `\u2716 ${plural(errors + warnings, 'problem')} (${plural(errors, 'error')}, ${plural(warnings, 'warning')})`
  const fixable =
    fixableErrors + fixableWarnings === 0
      ? ''
      : `\n${paint(`  ${plural(fixableErrors, 'error')} and ${plural(fixableWarnings, 'warning')} potentially fixable with the \`--fix\` option.`, 'bold', errors > 0 ? 'red' : 'yellow')}`
  return `${output}\n${paint(summary, 'bold', errors > 0 ? 'red' : 'yellow')}${fixable}\n`
}

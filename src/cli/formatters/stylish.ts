/**
 * The default: ESLint's "stylish" layout. Problems grouped by file, one
 * aligned row each (line:column, severity, message, rule id), and a summary.
 * Prints nothing when there is nothing to report.
 */
import {displayPath} from '../paths.ts'
import type {Formatter} from './index.ts'

const codes = {bold: [1, 22], dim: [2, 22], underline: [4, 24], red: [31, 39], yellow: [33, 39]} as const
type Style = keyof typeof codes

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`
}

export const stylish: Formatter = (results, {cwd, color}) => {
  const paint = (text: string, ...styles: Style[]) =>
    color && text ? styles.reduceRight((out, style) => `\u001B[${codes[style][0]}m${out}\u001B[${codes[style][1]}m`, text) : text
  let errors = 0
  let warnings = 0
  let output = ''
  for (const result of results) {
    if (result.messages.length === 0) continue
    errors += result.errorCount
    warnings += result.warningCount
    const rows = result.messages.map((message) => [
      `${message.line ?? 0}:${message.column ?? 0}`,
      message.severity === 2 ? 'error' : 'warning',
      // Each whitespace run holding a line break becomes one space; `\s*\n\s*` would backtrack quadratically.
      message.message.replace(/\s+/g, (run) => (run.includes('\n') ? ' ' : run)),
      message.ruleId ?? '',
    ])
    const widths = [0, 1, 2].map((column) => Math.max(...rows.map((row) => row[column]!.length)))
    output += `\n${paint(displayPath(result.filePath, cwd), 'underline')}\n`
    for (const [place, severity, text, ruleId] of rows) {
      const cells = [
        paint(place!.padEnd(widths[0]!), 'dim'),
        paint(severity!.padEnd(widths[1]!), severity === 'error' ? 'red' : 'yellow'),
        ruleId ? text!.padEnd(widths[2]!) : text!,
        paint(ruleId!, 'dim'),
      ]
      output += `  ${cells.join('  ').trimEnd()}\n`
    }
  }
  if (errors + warnings === 0) return ''
  const summary = `\u2716 ${plural(errors + warnings, 'problem')} (${plural(errors, 'error')}, ${plural(warnings, 'warning')})`
  return `${output}\n${paint(summary, 'bold', errors > 0 ? 'red' : 'yellow')}\n`
}

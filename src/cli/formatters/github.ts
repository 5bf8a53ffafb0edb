/**
 * GitHub Actions workflow commands: one `::error …::message` or
 * `::warning …::message` line per problem, which the runner turns into
 * annotations on the pull request's diff.
 */
import {displayPath, posix} from '../paths.ts'
import {visible} from '../visible.ts'
import type {Formatter} from './index.ts'

/** Message text: `%`, CR and LF are escaped (the runner's `escapeData`). */
export function escapeData(value: string): string {
  return value.replaceAll('%', '%25').replaceAll('\r', '%0D').replaceAll('\n', '%0A')
}

/** Property values: also `:` and `,`, which separate properties (the runner's `escapeProperty`). */
export function escapeProperty(value: string): string {
  return escapeData(value).replaceAll(':', '%3A').replaceAll(',', '%2C')
}

/** Workflow commands by severity: a note (0) is a `notice`. */
const commands = ['notice', 'warning', 'error'] as const

export const github: Formatter = (results, {cwd}) => {
  const lines: string[] = []
  for (const result of results) {
    // Control characters are shown as escapes first (visible.ts); the runner's own escapes then keep `:` and `,` apart,
    // and carry a message's line breaks into the annotation as %0D%0A, which can start no command.
    const file = visible(posix(displayPath(result.filePath, cwd)))
    for (const message of result.messages) {
      const properties: Array<[string, string | number | undefined]> = [
        ['file', file],
        ['line', message.line],
        ['col', message.column],
        ['endLine', message.endLine],
        ['endColumn', message.endColumn],
        ['title', message.ruleId ? `liaison ${message.ruleId}` : 'liaison'],
      ]
      const list = properties
        .filter((entry): entry is [string, string | number] => entry[1] !== undefined)
        .map(([key, value]) => `${key}=${escapeProperty(String(value))}`)
        .join(',')
      lines.push(`::${commands[message.severity]} ${list}::${escapeData(visible(message.message, '\r\n'))}`)
    }
  }
  return lines.length > 0 ? `${lines.join('\n')}\n` : ''
}

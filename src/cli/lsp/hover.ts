/**
 * The hover: on a problem, the rule's message, its note (why customers
 * care) and a link to its doc; inside a template's message, the length it
 * can reach on each channel, with every placeholder at its widest.
 */
import type {Hover, Position, Range} from 'vscode-languageserver'
import type {DocumentProblem, MessageLengths} from './problems.ts'

function contains(range: Range, at: Position): boolean {
  const after = (x: Position, y: Position) => x.line > y.line || (x.line === y.line && x.character >= y.character)
  return after(at, range.start) && after(range.end, at)
}

function describeProblem(problem: DocumentProblem): string {
  const rule = typeof problem.code === 'string' ? problem.code : undefined
  const parts = [rule ? `**${rule}**: ${problem.message}` : problem.message]
  if (problem.data?.note) parts.push(problem.data.note)
  if (rule && problem.codeDescription) parts.push(`[${rule} documentation](${problem.codeDescription.href})`)
  return parts.join('\n\n')
}

function describeLengths({field, lengths}: MessageLengths): string {
  const rows = lengths.map(({channel, length, limit}) => `| ${channel} | ${length} | ${Number.isFinite(limit) ? limit : 'none'} |`)
  return [`**${field}**: worst-case length, every placeholder at its widest`, '', '| channel | length | limit |', '| --- | ---: | ---: |', ...rows].join('\n')
}

export function hoverAt(problems: readonly DocumentProblem[], messages: readonly MessageLengths[], at: Position): Hover | null {
  const parts = problems.filter((problem) => contains(problem.range, at)).map(describeProblem)
  const message = messages.find((candidate) => contains(candidate.range, at))
  if (message) parts.push(describeLengths(message))
  return parts.length === 0 ? null : {contents: {kind: 'markdown', value: parts.join('\n\n---\n\n')}}
}

/**
 * Rule docs are partly generated, so they cannot drift from behaviour: the
 * options table comes from the rule's schema and the examples from its
 * fixtures. `npm run docs` rewrites the marked sections; test/docs.test.ts
 * fails when a committed doc differs from what this renders.
 */
import type {RuleMeta} from '../../src/engine/define-rule.ts'
import {describeOption} from '../../src/core/options.ts'
import {loadFixtures} from './fixtures.ts'

function section(text: string, name: string, body: string, file: string): string {
  const open = `<!-- liaison:${name} -->`
  const close = `<!-- /liaison:${name} -->`
  const start = text.indexOf(open)
  const end = text.indexOf(close)
  if (start === -1 || end === -1 || end < start) throw new Error(`${file}: missing "${open}" … "${close}"`)
  return `${text.slice(0, start + open.length)}\n${body}\n${text.slice(end)}`
}

function fence(text: string): string {
  const longest = Math.max(2, ...[...text.matchAll(/`+/g)].map((m) => m[0].length))
  const ticks = '`'.repeat(longest + 1)
  return `${ticks}text\n${text.replace(/\n+$/, '')}\n${ticks}`
}

function settings(c: {options?: unknown; phase?: unknown; placeholders?: unknown}): string {
  const parts = []
  if (c.options) parts.push(`options \`${JSON.stringify(c.options)}\``)
  if (c.phase) parts.push(`phase \`${String(c.phase)}\``)
  if (c.placeholders) parts.push(`placeholders \`${JSON.stringify(c.placeholders)}\``)
  return parts.length ? ` (${parts.join(', ')})` : ''
}

export function renderOptions(meta: RuleMeta): string {
  const entries = Object.entries(meta.options)
  if (entries.length === 0) return '\nThis rule has no options.\n'
  const rows = entries.map(
    ([name, spec]) =>
      `| \`${name}\` | ${describeOption(spec)} | \`${JSON.stringify(spec.default) ?? 'none'}\` | ${spec.description} |`,
  )
  return ['', '| Option | Value | Default | Description |', '| --- | --- | --- | --- |', ...rows, ''].join('\n')
}

export function renderExamples(meta: RuleMeta): string {
  const {flagged, passing} = loadFixtures(meta.id)
  const lines = [
    '',
    `Rendered from \`fixtures/${meta.id}/\` by \`npm run docs\`: ${flagged.length} flagged, ${passing.length} passing.`,
    '',
    '### Flagged',
    '',
  ]
  for (const c of flagged) {
    lines.push(`${c.reports.map((r) => `\`${r.replace(/\n/g, '⏎')}\``).join(', ')}${settings(c)}`, '', fence(c.text), '')
  }
  lines.push('### Left alone', '')
  for (const c of passing) lines.push(`${c.reason}${settings(c)}`, '', fence(c.text), '')
  return lines.join('\n')
}

/** The doc as it should read: `text` with its generated sections refreshed. */
export function renderDoc(meta: RuleMeta, text: string, file: string): string {
  return section(section(text, 'options', renderOptions(meta), file), 'examples', renderExamples(meta), file)
}

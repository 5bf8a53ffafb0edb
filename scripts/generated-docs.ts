/**
 * The parts of the docs that code can write, so they cannot drift from it:
 * the README's rules table (from the registry and presets), flags table (from
 * the flag definitions --help is printed from) and types list (from src/index.ts: names
 * in the README, names with their summaries in docs/api.md), and each rule doc's options table (from its schema) and examples (a few fixtures,
 * with the messages the rule produces for them).
 *
 * Each part sits between `<!-- liaison:<name> -->` and `<!-- /liaison:<name> -->`;
 * text outside the markers is prose and left alone. `npm run docs` writes the
 * parts (scripts/docs.ts); test/docs.test.ts fails when a committed file
 * differs from what this renders, as markdownlint's CI does with `git diff --exit-code`.
 */
import {readFileSync} from 'node:fs'
import {dirname, join} from 'node:path'
import ts from 'typescript'
import {rules} from '../rules/index.ts'
import {describeOption} from '../src/core/options.ts'
import type {LiaisonRule, RuleMeta} from '../src/engine/rule.ts'
import {presets} from '../src/presets.ts'
import {describeFlag, flagHelp, flagUsage} from '../src/cli/args.ts'
import {channelValues} from '../src/settings.ts'
import {type FlaggedCase, loadFixtures, type PassingCase, root, runIncidentCase, runRule} from './fixtures.ts'
import {type BenchResults, renderBench} from './performance-doc.ts'

export interface GeneratedFile {
  /** Repository-relative. */
  path: string
  before: string
  after: string
}

/** `text` with the part `name` replaced by `body`. */
export function replaceSection(text: string, name: string, body: string, file: string): string {
  const open = `<!-- liaison:${name} -->`
  const close = `<!-- /liaison:${name} -->`
  const start = text.indexOf(open)
  const end = text.indexOf(close)
  if (start === -1 || end === -1 || end < start) throw new Error(`${file}: missing "${open}" … "${close}"`)
  if (text.indexOf(open, start + 1) !== -1) throw new Error(`${file}: "${open}" appears twice`)
  return `${text.slice(0, start + open.length)}\n${body}\n${text.slice(end)}`
}

/** A fence longer than any run of backticks inside `text`. */
function fence(text: string, info = 'text'): string {
  const longest = Math.max(2, ...[...text.matchAll(/`+/g)].map((m) => m[0].length))
  const ticks = '`'.repeat(longest + 1)
  return `${ticks}${info}\n${text.replace(/\n+$/, '')}\n${ticks}`
}

/** Table cells hold one line; a pipe would end the cell. */
function cell(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ').replace(/\|/g, '\\|')
}

// README

export function renderRulesTable(): string {
  const rows = rules.map(({meta}) => {
    const preset = (name: keyof typeof presets) => `\`${presets[name][meta.id]!}\``
    const scope = meta.scope === 'message' ? 'whole messages' : meta.scope === 'incident' ? 'whole incidents' : 'any text'
    // A rule that reads wording declares its languages; the others read any text.
    const languages = meta.languages ? meta.languages.join(', ') : 'any'
    return `| [\`${meta.id}\`](rules/${meta.id}.md) | ${cell(meta.description)} | ${preset('recommended')} | ${preset('strict')} | ${scope} | ${languages} |`
  })
  return ['', '| Rule | What it checks | `recommended` | `strict` | Runs on | Languages |', '| --- | --- | --- | --- | --- | --- |', ...rows, ''].join('\n')
}

/** Every flag of the command, from the definitions --help is printed from (src/cli/args.ts). */
export function renderFlagsTable(): string {
  const values = {channels: channelValues(), presets: Object.keys(presets)}
  const rows = (Object.keys(flagHelp) as (keyof typeof flagHelp)[]).map(
    (name) => `| \`${flagUsage(name)}\` | ${cell(describeFlag(name, values))} |`,
  )
  return ['', '| Flag | What it does |', '| --- | --- |', ...rows, ''].join('\n')
}

interface Exported {
  name: string
  summary: string
}

/** The first sentence of the JSDoc just before `node`, if any. */
function summary(source: ts.SourceFile, node: ts.Node): string {
  const comment = ts
    .getLeadingCommentRanges(source.text, node.getFullStart())
    ?.filter((range) => source.text.startsWith('/**', range.pos))
    .at(-1)
  if (!comment) return ''
  const body = source.text
    .slice(comment.pos + 3, comment.end - 2)
    .split('\n')
    .map((line) => line.replace(/^\s*\* ?/, '').trim())
    .join(' ')
    .trim()
  const first = /^(.+?\.)(?=\s|$)/.exec(body)
  return (first ? first[1]! : body).replace(/\.$/, '')
}

function parse(path: string): ts.SourceFile {
  return ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.Latest, true)
}

/** The declaration of `name` in `path`: an exported interface or type alias (or re-exported, followed). */
function findDeclaration(path: string, name: string): {source: ts.SourceFile; node: ts.Node} | undefined {
  const source = parse(path)
  for (const statement of source.statements) {
    if ((ts.isInterfaceDeclaration(statement) || ts.isTypeAliasDeclaration(statement)) && statement.name.text === name) return {source, node: statement}
  }
  return undefined
}

/** Type-only exports of src/index.ts, sorted, with the summary of each declaration's JSDoc. */
export function exportedTypes(): Exported[] {
  const index = join(root, 'src/index.ts')
  const out: Exported[] = []
  for (const statement of parse(index).statements) {
    if (!ts.isExportDeclaration(statement) || !statement.exportClause || !ts.isNamedExports(statement.exportClause)) continue
    const from = join(dirname(index), (statement.moduleSpecifier as ts.StringLiteral).text)
    for (const element of statement.exportClause.elements) {
      if (!statement.isTypeOnly && !element.isTypeOnly) continue
      const name = element.name.text
      const found = findDeclaration(from, (element.propertyName ?? element.name).text)
      if (!found) throw new Error(`src/index.ts: type ${name} is not declared in ${from.slice(root.length)}`)
      out.push({name, summary: summary(found.source, found.node)})
    }
  }
  return out.sort((a, b) => a.name.localeCompare(b.name))
}

/** Every exported type with its summary: docs/api.md's list. */
export function renderTypes(): string {
  const lines = exportedTypes().map(({name, summary: text}) => `- \`${name}\`${text ? `: ${text}` : ''}`)
  return ['', ...lines, ''].join('\n')
}

/** The names alone, wrapped at 80 columns: the README's list, which links to docs/api.md for the summaries. */
export function renderTypeNames(): string {
  const names = exportedTypes().map(({name}, index, all) => `\`${name}\`${index === all.length - 1 ? '.' : ','}`)
  const lines: string[] = []
  for (const name of names) {
    const last = lines.length - 1
    if (last >= 0 && lines[last]!.length + name.length + 1 <= 80) lines[last] += ` ${name}`
    else lines.push(name)
  }
  return ['', ...lines, ''].join('\n')
}

// Rule docs

export function renderOptions(meta: RuleMeta): string {
  const entries = Object.entries(meta.options)
  if (entries.length === 0) return '\nThis rule has no options.\n'
  const rows = entries.map(
    ([name, spec]) => `| \`${name}\` | ${describeOption(spec)} | \`${spec.default === undefined ? 'none' : JSON.stringify(spec.default)}\` | ${spec.description} |`,
  )
  return ['', '| Option | Value | Default | Description |', '| --- | --- | --- | --- |', ...rows, ''].join('\n')
}

function settings(c: FlaggedCase | PassingCase): string {
  const parts = []
  if (c.options) parts.push(`options \`${JSON.stringify(c.options)}\``)
  if (c.phase) parts.push(`phase \`${c.phase}\``)
  if (c.placeholders) parts.push(`placeholders \`${JSON.stringify(c.placeholders)}\``)
  return parts.length ? `With ${parts.join(', ')}:` : ''
}

const defaultPassing = 4

/** The chosen cases of `rule`, and what the rule reports for the flagged ones. */
export async function renderExamples(rule: LiaisonRule): Promise<string> {
  const {id} = rule.meta
  const {flagged, passing} = loadFixtures(id)
  // Marked cases when there are any; else the case that pins each message's prose, and the first few passing.
  const marked = flagged.some((c) => c.example) || passing.some((c) => c.example)
  const chosenFlagged = flagged.filter((c) => (marked ? c.example : c.message !== undefined))
  const chosenPassing = marked ? passing.filter((c) => c.example) : passing.slice(0, defaultPassing)
  const lines = ['', `A few cases from \`fixtures/${id}/\`, which holds all ${flagged.length} flagged and ${passing.length} passing ones.`, '', '### Flagged', '']
  for (const c of chosenFlagged) {
    const intro = settings(c)
    if (intro) lines.push(intro, '')
    lines.push(fence(c.text, c.markdown ? 'markdown' : 'text'), '')
    // An incident case shows its updates as a timeline (#1, #2 …); each report says which update it is on.
    const reports = c.incident
      ? (await runIncidentCase(rule, c)).map(({where, message}) => `${where === 'title' ? 'title' : `update ${where}`}, ${message.line}:${message.column}: ${message.reason}`)
      : (await runRule(rule, c)).messages.map((message) => `${message.line}:${message.column}: ${message.reason}`)
    for (const report of reports) lines.push(`- ${report}`)
    lines.push('')
  }
  lines.push('### Left alone', '')
  for (const c of chosenPassing) {
    const intro = settings(c)
    lines.push(fence(c.text, c.markdown ? 'markdown' : 'text'), '', `Passes${intro ? ` (${intro.slice(0, -1)})` : ''}: ${c.reason.replace(/\.$/, '')}.`, '')
  }
  return lines.join('\n')
}

/** Every generated file, as committed and as it should read. */
export async function generatedFiles(): Promise<GeneratedFile[]> {
  const out: GeneratedFile[] = []
  const readme = readFileSync(join(root, 'README.md'), 'utf8')
  let after = replaceSection(readme, 'rules', renderRulesTable(), 'README.md')
  after = replaceSection(after, 'flags', renderFlagsTable(), 'README.md')
  after = replaceSection(after, 'types', renderTypeNames(), 'README.md')
  out.push({path: 'README.md', before: readme, after})
  const api = readFileSync(join(root, 'docs/api.md'), 'utf8')
  out.push({path: 'docs/api.md', before: api, after: replaceSection(api, 'types', renderTypes(), 'docs/api.md')})
  for (const rule of rules) {
    const path = `rules/${rule.meta.id}.md`
    const before = readFileSync(join(root, path), 'utf8')
    const withOptions = replaceSection(before, 'options', renderOptions(rule.meta), path)
    out.push({path, before, after: replaceSection(withOptions, 'examples', await renderExamples(rule), path)})
  }
  // The benchmark's figures, as its last run wrote them (npm run bench rewrites both).
  const performance = readFileSync(join(root, 'docs/performance.md'), 'utf8')
  const results = JSON.parse(readFileSync(join(root, 'bench/results.json'), 'utf8')) as BenchResults
  out.push({path: 'docs/performance.md', before: performance, after: replaceSection(performance, 'bench', renderBench(results), 'docs/performance.md')})
  return out
}

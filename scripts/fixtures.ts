/**
 * The fixture format, read by the one runner for every rule (test/fixtures.test.ts)
 * and by the doc generator (scripts/generated-docs.ts), which shows the cases
 * marked `example: true`.
 *
 * fixtures/<rule-id>/flagged.yml — a list of cases the rule must report:
 *   - text: Host db-primary-03 is down.        # the message
 *     reports: ['1:6-1:19 internalHost "db-primary-03"']   # every report, exactly
 *     message: …   # optional: the first report's full text (pin each messageId once)
 *     options: {…} # optional rule options
 *     phase: resolved   # optional, as if given by the caller
 *     placeholders: {widths: {component: 40}}   # optional, as lint()'s `placeholders`
 *                       # option: syntaxes, widths by name, defaultWidth
 *     example: true     # optional: shown in the rule's doc (a few per rule)
 *     markdown: true    # optional: lint the text as Markdown (lintMarkdown), the
 *                       # rule alone at severity error
 *     language: fra     # optional: the language the case is written in (ISO 639-3)
 *                       # when not English; the runner checks the detector agrees
 *
 * fixtures/<rule-id>/passing.yml — cases the rule must leave alone:
 *   - text: Status at status.acme.io.
 *     reason: public status domain   # why it must pass (required)
 *     options / phase / placeholders / example / markdown as above
 */
import {readFileSync} from 'node:fs'
import {fileURLToPath} from 'node:url'
import retextEnglish from 'retext-english'
import {unified} from 'unified'
import {VFile} from 'vfile'
import type {VFileMessage} from 'vfile-message'
import {parse} from 'yaml'
import type {Root} from 'nlcst'
import type {Processor} from 'unified'
import {rules} from '../rules/index.ts'
import {liaison} from '../src/liaison.ts'
import {lint} from '../src/lint.ts'
import {lintMarkdown} from '../src/markdown.ts'
import type {RulesConfig} from '../src/presets.ts'
import type {LiaisonRule} from '../src/engine/rule.ts'
import {english, type LanguageCode} from '../src/analysis/language.ts'
import {isPhase, type Phase} from '../src/analysis/phase.ts'
import {type PlaceholderOptions, placeholderProblem} from '../src/text/placeholders.ts'

export const root = fileURLToPath(new URL('../', import.meta.url))

/** What flagged and passing cases share: the text and how it is linted. */
interface CaseBase {
  text: string
  options?: Record<string, unknown>
  phase?: Phase
  placeholders?: PlaceholderOptions
  example?: boolean
  markdown?: boolean
  language?: LanguageCode
}

export interface FlaggedCase extends CaseBase {
  reports: string[]
  message?: string
}

export interface PassingCase extends CaseBase {
  reason: string
}

const baseKeys = ['text', 'options', 'phase', 'placeholders', 'example', 'markdown', 'language']
const flaggedKeys = new Set([...baseKeys, 'reports', 'message'])
const passingKeys = new Set([...baseKeys, 'reason'])
export const reportPattern = /^(\d+):(\d+)-(\d+):(\d+) ([a-z]+) "(.*)"$/is

function fail(file: string, index: number, problem: string): never {
  throw new Error(`${file} case ${index + 1}: ${problem}`)
}

function readCases(file: string, allowed: Set<string>): Record<string, unknown>[] {
  const data: unknown = parse(readFileSync(root + file, 'utf8'))
  if (!Array.isArray(data)) throw new Error(`${file}: expected a list of cases`)
  return (data as unknown[]).map((item, index) => {
    if (item === null || typeof item !== 'object' || Array.isArray(item)) fail(file, index, 'expected a mapping')
    for (const key of Object.keys(item)) if (!allowed.has(key)) fail(file, index, `unknown key "${key}"`)
    const record = item as Record<string, unknown>
    if (typeof record.text !== 'string' || record.text.length === 0) fail(file, index, '"text" must be a non-empty string')
    if (record.options !== undefined && (typeof record.options !== 'object' || record.options === null)) fail(file, index, '"options" must be a mapping')
    if (record.phase !== undefined && !isPhase(record.phase)) fail(file, index, `unknown phase ${JSON.stringify(record.phase)}`)
    const problem = record.placeholders === undefined ? undefined : placeholderProblem(record.placeholders)
    if (problem) fail(file, index, problem.message)
    if (record.markdown !== undefined && record.markdown !== true) fail(file, index, '"markdown" must be true when given')
    if (record.example !== undefined && record.example !== true) fail(file, index, '"example" is either true or left out')
    if (record.language !== undefined && (typeof record.language !== 'string' || !/^[a-z]{3}$/.test(record.language) || record.language === english)) {
      fail(file, index, `"language" is an ISO 639-3 code other than "${english}" (English is the default), got ${JSON.stringify(record.language)}`)
    }
    return record
  })
}

/** Identity of a case: the same text may appear again only with other options, phase or placeholders. */
export function caseKey(c: {text: string; options?: unknown; phase?: unknown; placeholders?: unknown; markdown?: unknown}): string {
  return JSON.stringify([c.text, c.options ?? null, c.phase ?? null, c.placeholders ?? null, c.markdown ?? null])
}

export function loadFixtures(id: string): {flagged: FlaggedCase[]; passing: PassingCase[]} {
  const flaggedFile = `fixtures/${id}/flagged.yml`
  const passingFile = `fixtures/${id}/passing.yml`
  const flagged = readCases(flaggedFile, flaggedKeys).map((c, index) => {
    if (!Array.isArray(c.reports) || c.reports.length === 0) fail(flaggedFile, index, '"reports" must list at least one report')
    for (const report of c.reports) {
      if (typeof report !== 'string' || !reportPattern.test(report)) {
        fail(flaggedFile, index, `report ${JSON.stringify(report)} is not "L:C-L:C messageId \\"actual\\""`)
      }
    }
    if (c.message !== undefined && typeof c.message !== 'string') fail(flaggedFile, index, '"message" must be a string')
    return c as unknown as FlaggedCase
  })
  const passing = readCases(passingFile, passingKeys).map((c, index) => {
    if (typeof c.reason !== 'string' || c.reason.trim().length === 0) fail(passingFile, index, '"reason" must say why it passes')
    return c as unknown as PassingCase
  })
  const seen = new Map<string, string>()
  const all: Array<[string, number, {text: string}]> = [
    ...flagged.map((c, i): [string, number, FlaggedCase] => [flaggedFile, i, c]),
    ...passing.map((c, i): [string, number, PassingCase] => [passingFile, i, c]),
  ]
  for (const [file, index, c] of all) {
    const key = caseKey(c)
    const previous = seen.get(key)
    if (previous) fail(file, index, `same text and options as ${previous}`)
    seen.set(key, `${file} case ${index + 1}`)
  }
  return {flagged, passing}
}

/** What a case gives the rule: its text, and how to run it. */
export type CaseInput = Pick<FlaggedCase, 'text' | 'options' | 'phase' | 'placeholders' | 'markdown'>

/** How a case runs: through `lint()`, or through the `liaison` retext plugin. Both go through the one executor. */
export type Way = 'lint' | 'plugin'

/** `rule` at severity error with `options`, every other rule off. */
function only(rule: LiaisonRule, options: Record<string, unknown> | undefined): RulesConfig {
  return Object.fromEntries(rules.map(({meta}) => [meta.id, meta.id === rule.meta.id ? ['error', options ?? {}] : 'off']))
}

const processors = new Map<string, Processor<Root, Root, Root>>()

/**
 * Run one rule alone, at severity error, over `text`. As Markdown when
 * `markdown`: `lintMarkdown` is the liaison plugin in a remark pipeline, so
 * both ways run it.
 */
export async function runRule(rule: LiaisonRule, c: CaseInput, way: Way = 'lint'): Promise<VFile> {
  const {text, options, phase, placeholders, markdown} = c
  const settings = only(rule, options)
  if (markdown) return lintMarkdown(text, {rules: settings, ...(phase && {phase}), ...(placeholders && {placeholders})})
  if (way === 'lint') return lint(text, {rules: settings, ...(phase && {phase}), ...(placeholders && {placeholders})})
  const key = JSON.stringify(settings)
  let processor = processors.get(key)
  if (!processor) processors.set(key, (processor = unified().use(retextEnglish).use(liaison, {rules: settings}).freeze() as never))
  const file = new VFile({value: text})
  if (phase) file.data.phase = phase
  if (placeholders) file.data.placeholders = placeholders
  await processor.run(processor.parse(file), file)
  return file
}

/** `1:6-1:19 internalHost "db-primary-03"`: what a fixture pins of a report. */
export function describeReport(message: VFileMessage): string {
  const {start, end} = message.place as {start: {line: number; column: number}; end: {line: number; column: number}}
  return `${start.line}:${start.column}-${end.line}:${end.column} ${message.messageId} "${message.actual}"`
}

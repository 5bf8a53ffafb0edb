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
 *     phase: resolved   # optional, as if given by the caller (a phase or a status-page
 *                       # label: postmortem, update, maintenance)
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
 *
 * A rule scoped to `incident` has incident cases instead of text, run through
 * `lintIncident()` (and again with the updates reversed, which must not matter):
 *   - incident:
 *       title: Checkout errors          # optional
 *       startedAt: 2026-03-02T13:50:00Z # optional
 *       updates:                        # the Incident shape (src/incident/types.ts)
 *         - {createdAt: 2026-03-02T14:00:00Z, status: investigating, body: … Next update in 30 minutes.}
 *         - {createdAt: 2026-03-02T15:10:00Z, status: resolved, body: …}
 *     now: 2026-03-02T18:00:00Z   # optional: when it is judged (default: the last update's time)
 *     reports: ['#1 1:… late "Next update in 30 minutes"']   # #n: the nth update as listed
 *     options / message / example / reason / language as above (language: its updates')
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
import {isPhaseInput, type PhaseInput, phaseOf} from '../src/analysis/phase.ts'
import {type PlaceholderOptions, placeholderProblem} from '../src/text/placeholders.ts'
import {lintIncident} from '../src/lint-incident.ts'
import {checkIncident} from '../src/incident/check.ts'
import type {Incident, IncidentUpdate} from '../src/incident/types.ts'

export const root = fileURLToPath(new URL('../', import.meta.url))

/** An incident case's incident: the Incident shape, with the title optional. */
export interface IncidentCase {
  title?: string
  startedAt?: string
  updates: IncidentUpdate[]
}

/** What flagged and passing cases share: the text and how it is linted. */
interface CaseBase {
  /** The message; for an incident case, its updates as a timeline (for test names and docs). */
  text: string
  /** Incident rules: the incident, and when it is judged. */
  incident?: IncidentCase
  now?: string
  options?: Record<string, unknown>
  phase?: PhaseInput
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
const incidentKeys = ['incident', 'now', 'options', 'example', 'language']
const flaggedOnly = ['reports', 'message']
const passingOnly = ['reason']
/** `1:6-1:19 internalHost "db-primary-03"`; an incident rule's report starts with the update it is on (`#2 `) or `title `. */
export const reportPattern = /^(?:(#\d+|title) )?(\d+):(\d+)-(\d+):(\d+) ([a-z]+) "(.*)"$/is

/** The messageId a fixture's report names. */
export function reportedId(report: string): string {
  return reportPattern.exec(report)![6]!
}

function fail(file: string, index: number, problem: string): never {
  throw new Error(`${file} case ${index + 1}: ${problem}`)
}

function readCases(file: string, allowed: Set<string>, incidents: boolean): Record<string, unknown>[] {
  const data: unknown = parse(readFileSync(root + file, 'utf8'))
  if (!Array.isArray(data)) throw new Error(`${file}: expected a list of cases`)
  return (data as unknown[]).map((item, index) => {
    if (item === null || typeof item !== 'object' || Array.isArray(item)) fail(file, index, 'expected a mapping')
    for (const key of Object.keys(item)) if (!allowed.has(key)) fail(file, index, `unknown key "${key}"${incidents ? ' (an incident rule\'s cases hold an incident)' : ''}`)
    const record = item as Record<string, unknown>
    if (incidents) return readIncidentCase(file, index, record)
    if (typeof record.text !== 'string' || record.text.length === 0) fail(file, index, '"text" must be a non-empty string')
    if (record.options !== undefined && (typeof record.options !== 'object' || record.options === null)) fail(file, index, '"options" must be a mapping')
    if (record.phase !== undefined && !isPhaseInput(record.phase)) fail(file, index, `unknown phase ${JSON.stringify(record.phase)}`)
    const problem = record.placeholders === undefined ? undefined : placeholderProblem(record.placeholders)
    if (problem) fail(file, index, problem.message)
    if (record.markdown !== undefined && record.markdown !== true) fail(file, index, '"markdown" must be true when given')
    if (record.example !== undefined && record.example !== true) fail(file, index, '"example" is either true or left out')
    checkLanguage(file, index, record.language)
    return record
  })
}

function checkLanguage(file: string, index: number, language: unknown): void {
  if (language !== undefined && (typeof language !== 'string' || !/^[a-z]{3}$/.test(language) || language === english)) {
    fail(file, index, `"language" is an ISO 639-3 code other than "${english}" (English is the default), got ${JSON.stringify(language)}`)
  }
}

/** An incident case, checked as lintIncident() checks an incident, with its timeline as `text`. */
function readIncidentCase(file: string, index: number, record: Record<string, unknown>): Record<string, unknown> {
  const given = record.incident
  if (given === null || typeof given !== 'object') fail(file, index, '"incident" must be a mapping with "updates"')
  try {
    checkIncident({title: 'Service disruption', ...given})
  } catch (error) {
    fail(file, index, (error as Error).message)
  }
  const incident = given as IncidentCase
  if (incident.updates.length === 0) fail(file, index, '"incident" needs at least one update')
  if (record.now !== undefined && (typeof record.now !== 'string' || Number.isNaN(Date.parse(record.now)))) fail(file, index, '"now" must be an ISO 8601 time')
  if (record.options !== undefined && (typeof record.options !== 'object' || record.options === null)) fail(file, index, '"options" must be a mapping')
  if (record.example !== undefined && record.example !== true) fail(file, index, '"example" is either true or left out')
  checkLanguage(file, index, record.language)
  return {...record, text: timeline(incident, record.now)}
}

/** An incident as lines a reader can follow: "14:00 investigating: We are investigating…". */
export function timeline(incident: IncidentCase, now?: string): string {
  const clock = (iso: string) => new Date(Date.parse(iso)).toISOString().slice(0, 16).replace('T', ' ')
  const lines = incident.updates.map((update, k) => `#${k + 1} ${clock(update.createdAt)} ${update.status ?? '(no status)'}: ${update.body}`)
  if (incident.startedAt) lines.unshift(`started ${clock(incident.startedAt)}`)
  if (incident.title) lines.unshift(`title: ${incident.title}`)
  if (now) lines.push(`judged at ${clock(now)}`)
  return lines.join('\n')
}

/** Identity of a case: the same text may appear again only with other options, phase or placeholders. */
export function caseKey(c: {text: string; options?: unknown; phase?: unknown; placeholders?: unknown; markdown?: unknown}): string {
  // An incident case's text is its timeline, which holds its title, start, every update and `now`.
  return JSON.stringify([c.text, c.options ?? null, c.phase ?? null, c.placeholders ?? null, c.markdown ?? null])
}

export function loadFixtures(id: string): {flagged: FlaggedCase[]; passing: PassingCase[]} {
  const flaggedFile = `fixtures/${id}/flagged.yml`
  const passingFile = `fixtures/${id}/passing.yml`
  const incidents = rules.find((rule) => rule.meta.id === id)?.meta.scope === 'incident'
  const keys = incidents ? incidentKeys : baseKeys
  const flagged = readCases(flaggedFile, new Set([...keys, ...flaggedOnly]), incidents).map((c, index) => {
    if (!Array.isArray(c.reports) || c.reports.length === 0) fail(flaggedFile, index, '"reports" must list at least one report')
    for (const report of c.reports) {
      if (typeof report !== 'string' || !reportPattern.test(report) || (incidents && !/^(?:#\d+|title) /.test(report))) {
        const shape = incidents ? '#N L:C-L:C messageId \\"actual\\"' : 'L:C-L:C messageId \\"actual\\"'
        fail(flaggedFile, index, `report ${JSON.stringify(report)} is not "${shape}"`)
      }
    }
    if (c.message !== undefined && typeof c.message !== 'string') fail(flaggedFile, index, '"message" must be a string')
    return c as unknown as FlaggedCase
  })
  const passing = readCases(passingFile, new Set([...keys, ...passingOnly]), incidents).map((c, index) => {
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
  const given = phase && phaseOf(phase)
  if (given) file.data.phase = given
  if (placeholders) file.data.placeholders = placeholders
  await processor.run(processor.parse(file), file)
  return file
}

/** `1:6-1:19 internalHost "db-primary-03"`: what a fixture pins of a report. */
export function describeReport(message: VFileMessage): string {
  const {start, end} = message.place as {start: {line: number; column: number}; end: {line: number; column: number}}
  return `${start.line}:${start.column}-${end.line}:${end.column} ${message.messageId} "${message.actual}"`
}

/** An incident case's reports: where each landed (`#n`, the nth update as listed, or `title`), and the message. */
export interface IncidentReport {
  where: string
  message: VFileMessage
}

/**
 * Run one incident rule alone, at severity error, over an incident case
 * through `lintIncident()`; `reversed` hands it the updates in reverse, which
 * must change nothing, as updates come in any order.
 */
export async function runIncidentCase(rule: LiaisonRule, c: Pick<FlaggedCase, 'incident' | 'now' | 'options'>, reversed = false): Promise<IncidentReport[]> {
  const {updates, ...rest} = c.incident!
  const incident: Incident = {title: 'Service disruption', ...rest, updates: reversed ? [...updates].reverse() : updates}
  const now = c.now ?? [...updates].sort((a, b) => Date.parse(a.createdAt) - Date.parse(b.createdAt)).at(-1)!.createdAt
  const result = await lintIncident(incident, {rules: only(rule, c.options), now})
  const position = (index: number) => (reversed ? updates.length - index : index + 1)
  const byUpdate = result.updates.map((file) => [position(file.data.update!.index), file] as const).sort((a, b) => a[0] - b[0])
  return [
    ...result.incident.messages.map((message) => ({where: 'title', message})),
    ...byUpdate.flatMap(([n, file]) => file.messages.map((message) => ({where: `#${n}`, message}))),
  ]
}

/**
 * What the HTML report shows, computed from the audit: the same results the
 * JSON output prints (so the numbers agree), counted per rule and per
 * month, the worst incidents, and each incident's timeline: its updates with
 * their times, the gaps between them, the promises of a next update they
 * made, and where the problems are in their text.
 */
import {rules} from '../../../../rules/index.ts'
import type {LintMessage, LintResult} from '../../results.ts'
import type {AuditedIncident, PromiseSpan} from '../lint.ts'

/** The rule that reports broken promises of a next update; its reports mark a promise as broken. */
const promiseRule = 'keep-update-promises'

export interface Problem {
  ruleId: string | null
  severity: 0 | 1 | 2
  message: string
  url?: string
  /** Offsets in the update's body, when the problem has a place. */
  start?: number
  end?: number
}

export interface PromiseMark {
  start: number
  end: number
  text: string
  /** broken: the promise rule reported it; kept: a next update came and the rule did not; last: no update came after it; unchecked: the rule is off. */
  outcome: 'broken' | 'kept' | 'last' | 'unchecked'
}

export interface TimelineUpdate {
  createdAt: string
  status?: string
  /** Minutes since the previous update (none for the first). */
  gap?: number
  body: string
  problems: Problem[]
  promises: PromiseMark[]
}

export interface ReportIncident {
  /** Its name in the results: `<source>#<id>`. */
  name: string
  title: string
  url?: string
  impact?: string
  components?: string[]
  startedAt?: string
  errors: number
  warnings: number
  /** Reports about the incident as a whole and its title. */
  problems: Problem[]
  updates: TimelineUpdate[]
}

export interface RuleSummary {
  id: string
  url?: string
  errors: number
  warnings: number
  /** Incidents with at least one of its problems. */
  incidents: number
}

export interface ReportData {
  sources: string[]
  totals: {incidents: number; updates: number; errors: number; warnings: number}
  rules: RuleSummary[]
  /** `YYYY-MM`, oldest first, every month from the first to the last. */
  months: string[]
  /** Problems per month (by the update's time, or the incident's start for incident-level ones), per rule id. */
  perMonth: Record<string, number[]>
  /** Names of the incidents with the most problems (errors first), at most 10. */
  worst: string[]
  incidents: ReportIncident[]
}

function toProblem(message: LintMessage, body: string): Problem {
  const problem: Problem = {ruleId: message.ruleId, severity: message.severity, message: message.message}
  if (message.url) problem.url = message.url
  if (message.line !== undefined && message.column !== undefined) {
    problem.start = offsetOf(body, message.line, message.column)
    problem.end = message.endLine === undefined ? problem.start : offsetOf(body, message.endLine, message.endColumn!)
  }
  return problem
}

/** The offset of a 1-based line and column (UTF-16 units, as vfile counts). */
function offsetOf(text: string, line: number, column: number): number {
  let offset = 0
  for (let at = 1; at < line; at++) {
    const next = text.indexOf('\n', offset)
    if (next === -1) return text.length
    offset = next + 1
  }
  return Math.min(offset + column - 1, text.length)
}

const month = (time: string) => new Date(time).toISOString().slice(0, 7)

function monthRange(first: string, last: string): string[] {
  const months: string[] = []
  let [year, index] = first.split('-').map(Number) as [number, number]
  for (let at = first; at <= last; at = `${year}-${String(index).padStart(2, '0')}`) {
    months.push(at)
    index++
    if (index > 12) [year, index] = [year + 1, 1]
  }
  return months
}

function promisesOf(body: string, promises: readonly PromiseSpan[], problems: readonly Problem[], hasNext: boolean, checked: boolean): PromiseMark[] {
  return promises.map(({start, end}) => {
    const broken = problems.some((problem) => problem.ruleId === promiseRule && problem.start !== undefined && problem.start < end && (problem.end ?? problem.start) >= start)
    const outcome = broken ? 'broken' : !checked ? 'unchecked' : hasNext ? 'kept' : 'last'
    return {start, end, text: body.slice(start, end), outcome}
  })
}

/**
 * `results` are the audit's, in auditResults' order: per incident, its own
 * result, then one per update, oldest first.
 */
export function reportData(audited: readonly AuditedIncident[], results: readonly LintResult[], sources: readonly string[], activeRules: ReadonlySet<string>): ReportData {
  const checked = activeRules.has(promiseRule)
  const incidents: ReportIncident[] = []
  const counts = new Map<string, {errors: number; warnings: number; incidents: Set<string>}>()
  const dated: Array<{ruleId: string; month: string}> = []
  let at = 0
  for (const item of audited) {
    const own = results[at++]!
    const updates: TimelineUpdate[] = item.updates.map(({update, promises = []}, index) => {
      const result = results[at++]!
      const problems = result.messages.map((message) => toProblem(message, update.body))
      for (const problem of problems) if (problem.ruleId && problem.severity > 0) dated.push({ruleId: problem.ruleId, month: month(update.createdAt)})
      const previous = item.updates[index - 1]?.update
      return {
        createdAt: update.createdAt,
        ...(update.status && {status: update.status}),
        ...(previous && {gap: Math.round((Date.parse(update.createdAt) - Date.parse(previous.createdAt)) / 60_000)}),
        body: update.body,
        problems,
        promises: promisesOf(update.body, promises, problems, index < item.updates.length - 1, checked),
      }
    })
    const {incident} = item
    const problems = own.messages.map((message) => toProblem(message, incident.title))
    const when = incident.startedAt ?? item.updates[0]?.update.createdAt
    for (const problem of problems) if (problem.ruleId && problem.severity > 0 && when) dated.push({ruleId: problem.ruleId, month: month(when)})
    const all = [...problems, ...updates.flatMap((update) => update.problems)]
    for (const problem of all) {
      if (!problem.ruleId || problem.severity === 0) continue
      let count = counts.get(problem.ruleId)
      if (!count) counts.set(problem.ruleId, (count = {errors: 0, warnings: 0, incidents: new Set()}))
      if (problem.severity === 2) count.errors++
      else count.warnings++
      count.incidents.add(own.filePath)
    }
    incidents.push({
      name: own.filePath,
      title: incident.title,
      ...(incident.url && {url: incident.url}),
      ...(incident.impact && {impact: incident.impact}),
      ...(incident.components && {components: incident.components}),
      ...(incident.startedAt && {startedAt: incident.startedAt}),
      errors: all.filter((problem) => problem.severity === 2).length,
      warnings: all.filter((problem) => problem.severity === 1).length,
      problems,
      updates,
    })
  }
  const urls = new Map(rules.map((rule) => [rule.meta.id, rule.meta.url]))
  const summary: RuleSummary[] = [...counts]
    .map(([id, count]) => ({id, ...(urls.has(id) && {url: urls.get(id)}), errors: count.errors, warnings: count.warnings, incidents: count.incidents.size}))
    .sort((a, b) => b.errors + b.warnings - (a.errors + a.warnings) || a.id.localeCompare(b.id))
  const sortedMonths = dated.map((entry) => entry.month).sort()
  const months = sortedMonths.length === 0 ? [] : monthRange(sortedMonths[0]!, sortedMonths.at(-1)!)
  const perMonth: Record<string, number[]> = {}
  for (const {id} of summary) perMonth[id] = months.map(() => 0)
  for (const entry of dated) {
    const row = perMonth[entry.ruleId]
    if (row) row[months.indexOf(entry.month)]!++
  }
  const worst = incidents
    .filter((incident) => incident.errors + incident.warnings > 0)
    .sort((a, b) => b.errors - a.errors || b.warnings - a.warnings)
    .slice(0, 10)
    .map((incident) => incident.name)
  return {
    sources: [...sources],
    totals: {
      incidents: incidents.length,
      updates: incidents.reduce((sum, incident) => sum + incident.updates.length, 0),
      errors: summary.reduce((sum, rule) => sum + rule.errors, 0),
      warnings: summary.reduce((sum, rule) => sum + rule.warnings, 0),
    },
    rules: summary,
    months,
    perMonth,
    worst,
    incidents,
  }
}

/**
 * `liaison audit --report report.html`: one self-contained page. Everything
 * from the data (titles, bodies, messages, sources) is escaped; the page
 * embeds Chart.js and its chart data, and a Content-Security-Policy lets it
 * load nothing from the network and run only its own two scripts (by hash),
 * so even a body that slipped past escaping could run nothing.
 */
import {createHash} from 'node:crypto'
import {readFile} from 'node:fs/promises'
import {createRequire} from 'node:module'
import {dirname, join} from 'node:path'
import type {LintResult} from '../../results.ts'
import type {AuditedIncident} from '../lint.ts'
import {type ChartData, drawCharts} from './charts.ts'
import {type Problem, type PromiseMark, type ReportData, type ReportIncident, reportData, type TimelineUpdate} from './data.ts'
import {reportStyle} from './style.ts'

const entities: Readonly<Record<string, string>> = {'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;'}

/** Text for HTML content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => entities[char]!)
}

/** JSON inside a <script> element: `<` escaped, so no `</script>` or `<!--` in the data can end it. */
function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029')
}

/** Chart.js's UMD build, from the installed package (a dependency of liaison). */
async function chartJs(): Promise<string> {
  const main = createRequire(import.meta.url).resolve('chart.js')
  return readFile(join(dirname(main), 'chart.umd.min.js'), 'utf8')
}

const time = (iso: string) => `${new Date(iso).toISOString().slice(0, 16).replace('T', ' ')} UTC`

function duration(minutes: number): string {
  if (minutes < 60) return `${minutes} min`
  const hours = Math.floor(minutes / 60)
  return hours < 48 ? `${hours} h ${minutes % 60} min` : `${Math.round(hours / 24)} days`
}

const severityNames = ['note', 'warning', 'error'] as const
const outcomeText: Readonly<Record<PromiseMark['outcome'], string>> = {
  broken: 'broken: the next update came late',
  kept: 'kept',
  last: 'no update followed',
  unchecked: 'not checked (keep-update-promises is off)',
}

function problemItem(problem: Problem): string {
  const rule = problem.ruleId
    ? problem.url
      ? ` <a class="rule" href="${escapeHtml(problem.url)}">${escapeHtml(problem.ruleId)}</a>`
      : ` <span class="rule">${escapeHtml(problem.ruleId)}</span>`
    : ''
  return `<li class="sev-${severityNames[problem.severity]}"><span class="sev">${severityNames[problem.severity]}</span> ${escapeHtml(problem.message)}${rule}</li>`
}

/** The body with problems and promises marked; overlapping ranges split the text where any of them starts or ends. */
function markedBody(update: TimelineUpdate): string {
  const {body} = update
  const ranges = [
    ...update.problems.filter((problem) => problem.start !== undefined && problem.end! > problem.start).map((problem) => ({start: problem.start!, end: problem.end!, className: `mark-${severityNames[problem.severity]}`, title: problem.message})),
    ...update.promises.map((promise) => ({start: promise.start, end: promise.end, className: `promise-${promise.outcome}`, title: `Promise of a next update: ${outcomeText[promise.outcome]}`})),
  ]
  if (ranges.length === 0) return escapeHtml(body)
  const cuts = [...new Set([0, body.length, ...ranges.flatMap((range) => [range.start, range.end])])].sort((a, b) => a - b)
  let html = ''
  for (let index = 0; index < cuts.length - 1; index++) {
    const [from, to] = [cuts[index]!, cuts[index + 1]!]
    const text = escapeHtml(body.slice(from, to))
    const covering = ranges.filter((range) => range.start <= from && range.end >= to)
    html += covering.length === 0 ? text : `<span class="${covering.map((range) => range.className).join(' ')}" title="${escapeHtml(covering.map((range) => range.title).join('\n'))}">${text}</span>`
  }
  return html
}

function timelineItem(update: TimelineUpdate): string {
  const gap = update.gap === undefined ? '' : `<span class="gap">+${duration(update.gap)}</span>`
  const status = update.status ? `<span class="phase phase-${escapeHtml(update.status)}">${escapeHtml(update.status.replace('_', ' '))}</span>` : '<span class="phase">no status</span>'
  const promises = update.promises.length === 0 ? '' : `<ul class="promises">${update.promises.map((promise) => `<li class="promise-${promise.outcome}">“${escapeHtml(promise.text)}”: ${outcomeText[promise.outcome]}</li>`).join('')}</ul>`
  const problems = update.problems.length === 0 ? '' : `<ul class="problems">${update.problems.map(problemItem).join('')}</ul>`
  return `<li class="update"><div class="meta"><time datetime="${escapeHtml(update.createdAt)}">${time(update.createdAt)}</time> ${status} ${gap}</div><p class="body">${markedBody(update)}</p>${promises}${problems}</li>`
}

/** Errors and warnings as two badges, grey when none. */
function countBadges({errors, warnings}: {errors: number; warnings: number}): string {
  const badge = (count: number, severity: string, noun: string) =>
    `<span class="count ${count === 0 ? 'none' : `sev-${severity}`}" title="${count} ${noun}${count === 1 ? '' : 's'}">${count}</span>`
  return badge(errors, 'error', 'error') + badge(warnings, 'warning', 'warning')
}

function incidentSection(incident: ReportIncident, index: number, show: (name: string) => string): string {
  const facts = [
    incident.startedAt ? `started ${time(incident.startedAt)}` : '',
    incident.impact ? `impact: ${escapeHtml(incident.impact)}` : '',
    incident.components?.length ? `components: ${escapeHtml(incident.components.join(', '))}` : '',
    `${incident.updates.length} update${incident.updates.length === 1 ? '' : 's'}`,
    // Only web addresses become links: a javascript: address in the data must not.
    incident.url && /^https?:\/\//i.test(incident.url) ? `<a href="${escapeHtml(incident.url)}">public page</a>` : '',
  ].filter(Boolean)
  const counts = countBadges(incident)
  const own = incident.problems.length === 0 ? '' : `<ul class="problems incident-problems">${incident.problems.map(problemItem).join('')}</ul>`
  return `<section class="incident" id="incident-${index}" data-name="${escapeHtml(incident.name)}" data-errors="${incident.errors}" data-warnings="${incident.warnings}"><details><summary>${counts}<span class="title">${escapeHtml(incident.title)}</span></summary><p class="facts">${facts.join(' · ')}</p><p class="source">${escapeHtml(show(incident.name))}</p>${own}<ol class="timeline">${incident.updates.map(timelineItem).join('')}</ol></details></section>`
}

function rulesTable(data: ReportData): string {
  if (data.rules.length === 0) return '<p class="clean">No problems found.</p>'
  const rows = data.rules.map((rule) => {
    const name = rule.url ? `<a href="${escapeHtml(rule.url)}">${escapeHtml(rule.id)}</a>` : escapeHtml(rule.id)
    return `<tr data-rule="${escapeHtml(rule.id)}"><th scope="row">${name}</th><td class="errors">${rule.errors}</td><td class="warnings">${rule.warnings}</td><td class="incidents">${rule.incidents}</td></tr>`
  })
  return `<table id="rules"><thead><tr><th scope="col">Rule</th><th scope="col">Errors</th><th scope="col">Warnings</th><th scope="col">Incidents</th></tr></thead><tbody>${rows.join('')}</tbody></table>`
}

/** Opens the incident a link points at (a closed <details> hides its target). */
const openTarget = `function openTarget(){var t=location.hash&&document.getElementById(location.hash.slice(1));if(t){var d=t.querySelector('details');if(d)d.open=true}}addEventListener('hashchange',openTarget);openTarget();`

const scriptHash = (source: string) => `'sha256-${createHash('sha256').update(source).digest('base64')}'`

export interface ReportOptions {
  sources: readonly string[]
  /** Rules that ran (not off): a promise is only called kept when keep-update-promises ran. */
  activeRules: ReadonlySet<string>
  /** How paths are shown (relative to the working folder, as the other formats show them). */
  show: (path: string) => string
}

export async function renderReport(audited: readonly AuditedIncident[], results: readonly LintResult[], options: ReportOptions): Promise<string> {
  const data = reportData(audited, results, options.sources, options.activeRules)
  const charts: ChartData = {months: data.months, perMonth: data.perMonth, rules: data.rules}
  const byName = new Map(data.incidents.map((incident, index) => [incident.name, {incident, index}]))
  const worst = data.worst.map((name) => {
    const {incident, index} = byName.get(name)!
    return `<li><a href="#incident-${index}">${escapeHtml(incident.title)}</a> ${countBadges(incident)}</li>`
  })
  const library = (await chartJs()).replace(/<\/script/gi, '<\\/script')
  const main = `${openTarget}(${String(drawCharts)})(Chart,JSON.parse(document.getElementById('report-data').textContent),document);`
  const csp = `default-src 'none'; style-src 'unsafe-inline'; img-src data:; script-src ${scriptHash(library)} ${scriptHash(main)}`
  const {totals} = data
  const sources = data.sources.map((source) => escapeHtml(options.show(source))).join(', ')
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Incident communication audit: ${sources}</title>
<style>${reportStyle}</style>
</head>
<body>
<header><h1>Incident communication audit</h1><p class="sources">${sources}</p></header>
<main>
<section class="summary" aria-label="Totals"><dl>
<div><dt>Incidents</dt><dd id="total-incidents">${totals.incidents}</dd></div>
<div><dt>Updates</dt><dd id="total-updates">${totals.updates}</dd></div>
<div class="sev-error"><dt>Errors</dt><dd id="total-errors">${totals.errors}</dd></div>
<div class="sev-warning"><dt>Warnings</dt><dd id="total-warnings">${totals.warnings}</dd></div>
</dl></section>
<section aria-labelledby="rules-heading"><h2 id="rules-heading">Problems per rule</h2>${rulesTable(data)}
<div class="charts"><figure><figcaption>Problems per month, by rule</figcaption><div class="chart"><canvas id="chart-months" role="img" aria-label="Problems per month, by rule"></canvas></div></figure>
<figure><figcaption>Problems per rule</figcaption><div class="chart"><canvas id="chart-rules" role="img" aria-label="Errors and warnings per rule"></canvas></div></figure></div></section>
<section aria-labelledby="worst-heading"><h2 id="worst-heading">Worst incidents</h2>${worst.length === 0 ? '<p class="clean">None: every incident passed.</p>' : `<ol id="worst">${worst.join('')}</ol>`}</section>
<section aria-labelledby="incidents-heading"><h2 id="incidents-heading">Incidents</h2>
<p class="legend"><span class="mark-error">error</span> <span class="mark-warning">warning</span> <span class="promise-kept">promise kept</span> <span class="promise-broken">promise broken</span> <span class="promise-unchecked">promise not followed or not checked</span></p>
${data.incidents.map((incident, index) => incidentSection(incident, index, options.show)).join('\n')}
</section>
</main>
<script type="application/json" id="report-data">${scriptJson(charts)}</script>
<script>${library}</script>
<script>${main}</script>
</body>
</html>
`
}

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
import {type PromiseMark, type ReportData, type ReportIncident, reportData} from './data.ts'
import {packDetails, showDetails} from './details.ts'
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

/** Errors and warnings as two badges, grey when none. */
function countBadges({errors, warnings}: {errors: number; warnings: number}): string {
  const badge = (count: number, severity: string, noun: string) =>
    `<span class="count ${count === 0 ? 'none' : `sev-${severity}`}" title="${count} ${noun}${count === 1 ? '' : 's'}">${count}</span>`
  return badge(errors, 'error', 'error') + badge(warnings, 'warning', 'warning')
}

/** An incident's summary line; the rest of its details is drawn from the page's data when it is first opened (details.ts). */
function incidentSection(incident: ReportIncident, index: number): string {
  const counts = countBadges(incident)
  return `<section class="incident" id="incident-${index}" data-name="${escapeHtml(incident.name)}" data-errors="${incident.errors}" data-warnings="${incident.warnings}"><details data-incident="${index}"><summary>${counts}<span class="title">${escapeHtml(incident.title)}</span></summary></details></section>`
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
  const details = packDetails(data, {severities: severityNames, outcomes: outcomeText, time, duration, show: options.show})
  // The details listener first: opening the incident a link points at draws it.
  const main = `(${String(showDetails)})(document);${openTarget}(${String(drawCharts)})(Chart,JSON.parse(document.getElementById('report-data').textContent),document);`
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
<noscript><p>Each incident's details are drawn by the page's script when it is opened: allow JavaScript to read them.</p></noscript>
<p class="legend"><span class="mark-error">error</span> <span class="mark-warning">warning</span> <span class="promise-kept">promise kept</span> <span class="promise-broken">promise broken</span> <span class="promise-unchecked">promise not followed or not checked</span></p>
${data.incidents.map((incident, index) => incidentSection(incident, index)).join('\n')}
</section>
</main>
<script type="application/json" id="report-data">${scriptJson(charts)}</script>
<script type="application/json" id="report-details">${scriptJson(details)}</script>
<script>${library}</script>
<script>${main}</script>
</body>
</html>
`
}

/**
 * The report's charts, drawn in the browser by Chart.js from the data the
 * page embeds. `drawCharts` is sent to the page as its source text
 * (`String(drawCharts)`), so it must stay self-contained: no imports, no
 * outside names, only its arguments.
 */
import type {ChartConfiguration} from 'chart.js'

/** What the page gives: the library is for Node without the DOM's types, so the canvas is opaque here. */
type ChartConstructor = new (canvas: object, config: ChartConfiguration) => unknown
interface Page {
  getElementById(id: string): object | null
}

export interface ChartData {
  months: string[]
  perMonth: Record<string, number[]>
  rules: Array<{id: string; errors: number; warnings: number}>
}

/* v8 ignore start -- @preserve runs in the page, not in Node; test/audit/report.test.ts checks both charts in Chromium */
export function drawCharts(Chart: ChartConstructor, data: ChartData, doc: Page): void {
  // Colour-blind-safe (Okabe–Ito), one per rule, repeating past eight.
  const palette = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#F0E442', '#000000']
  const common = {animation: false as const, responsive: true, maintainAspectRatio: false}
  const months = doc.getElementById('chart-months')
  if (months) {
    new Chart(months, {
      type: 'bar',
      data: {
        labels: data.months,
        datasets: data.rules.map((rule, index) => ({label: rule.id, data: data.perMonth[rule.id] ?? [], backgroundColor: palette[index % palette.length]})),
      },
      options: {...common, scales: {x: {stacked: true}, y: {stacked: true, beginAtZero: true, ticks: {precision: 0}}}},
    })
  }
  const byRule = doc.getElementById('chart-rules')
  if (byRule) {
    new Chart(byRule, {
      type: 'bar',
      data: {
        labels: data.rules.map((rule) => rule.id),
        datasets: [
          {label: 'errors', data: data.rules.map((rule) => rule.errors), backgroundColor: '#D55E00'},
          {label: 'warnings', data: data.rules.map((rule) => rule.warnings), backgroundColor: '#E69F00'},
        ],
      },
      options: {...common, indexAxis: 'y', scales: {x: {stacked: true, beginAtZero: true, ticks: {precision: 0}}, y: {stacked: true}}},
    })
  }
}
/* v8 ignore stop */

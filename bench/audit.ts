/**
 * `npm run bench:audit`: a large company's history (10,000 updates in
 * Statuspage's shape, from bench/corpus.ts) through `liaison audit`, against
 * linting the same messages one by one with `lint()`, in one process,
 * interleaved, as a ratio of CPU times within the run (issue #16 asks
 * ≤ 1.3×). Two more lines say where a gap would come from: `lintIncident()`
 * over the same incidents (the library, without the command around it), and
 * the audit writing its HTML report. Then that report opened in Chromium:
 * the time to its load event with both charts drawn, and to the first
 * incident's timeline shown. Measured and printed, never asserted.
 *
 *   npm run bench:audit              # 10,000 updates, 5 rounds
 *   npm run bench:audit -- --quick   # 2,000 updates, 3 rounds
 */
import {existsSync, mkdtempSync, rmSync, statSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {pathToFileURL} from 'node:url'
import {parseArgs} from 'node:util'
import {chromium} from 'playwright-core'
import {run} from '../src/cli/run.ts'
import {fromStatuspage} from '../src/incident/adapters/statuspage.ts'
import {lint, lintIncident} from '../src/index.ts'
import {createRandom, message} from './corpus.ts'
import {interleaved, median} from './measure.ts'

const {values} = parseArgs({options: {quick: {type: 'boolean', default: false}}})
const quick = values.quick
const updateCount = quick ? 2000 : 10_000
// Three rounds at least even when quick: with one, the variant timed first pays for the JIT's warm-up.
const rounds = quick ? 3 : 5
const phases = ['investigating', 'identified', 'monitoring', 'resolved'] as const
/** A fixed time to judge at, so the history's age does not change what is reported from one day to the next. */
const now = '2026-12-01T00:00:00Z'

/** 4 updates per incident, 40 minutes apart, one incident every 9 hours from January 2024. */
function history(count: number) {
  const random = createRandom(20261206)
  const incidents = []
  for (let index = 0; index * 4 < count; index++) {
    const start = Date.UTC(2024, 0, 1) + index * 9 * 3_600_000
    incidents.push({
      id: `inc${index}`,
      name: `Incident ${index}`,
      impact: 'minor',
      started_at: new Date(start).toISOString(),
      components: [],
      incident_updates: phases.map((status, step) => ({id: `u${index}-${step}`, status, body: message(random), created_at: new Date(start + step * 40 * 60_000).toISOString()})).reverse(),
    })
  }
  return {page: {id: 'bench', name: 'Bench'}, incidents}
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`

const dir = mkdtempSync(join(tmpdir(), 'liaison-bench-audit-'))
try {
  const data = history(updateCount)
  const file = join(dir, 'incidents.json')
  writeFileSync(file, JSON.stringify(data))
  const report = join(dir, 'report.html')
  const incidents = fromStatuspage(data, file)
  const updates = data.incidents.flatMap((incident) => incident.incident_updates)
  const sink = {write: () => true}
  const io = {cwd: dir, env: {}, stdin: (async function* () {})(), stdout: sink, stderr: sink}
  const audit = ['audit', file, '-f', 'json', '--no-config', '--now', now]
  // interleaved() runs each variant once untimed first: module loading and processor building are start-up, not audit time.
  const cpu = await interleaved(
    {
      'liaison audit': () => run(audit, io),
      'lintIncident()': async () => {
        for (const incident of incidents) await lintIncident(incident, {now})
      },
      'lint() one by one': async () => {
        for (const update of updates) await lint(update.body, {phase: update.status})
      },
      'audit --report': () => run([...audit, '--report', report], io),
    },
    rounds,
  )
  const oneByOne = cpu['lint() one by one']
  const line = (name: keyof typeof cpu, note = '') => console.log(`  ${name.padEnd(20)}${seconds(cpu[name]).padStart(8)}   ${(cpu[name] / oneByOne).toFixed(2)}×${note}`)
  console.log(`${updates.length} updates in ${data.incidents.length} incidents; median CPU time of ${rounds} interleaved rounds, and its ratio to lint() one by one:`)
  line('liaison audit', '   (issue #16: ≤ 1.3×)')
  line('lintIncident()', '   (the library alone: the same updates, titles and incident rules)')
  line('lint() one by one')
  line('audit --report', '   (the audit, and its HTML report written)')

  const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
  if (!existsSync(executablePath)) {
    console.log(`  report open time    skipped: no ${executablePath}`)
  } else {
    const browser = await chromium.launch({executablePath, args: ['--no-sandbox', '--disable-gpu']})
    const opens: number[] = []
    const shown: number[] = []
    for (let round = 0; round < Math.max(rounds, 3); round++) {
      const page = await browser.newPage()
      await page.goto(pathToFileURL(report).href, {waitUntil: 'load'})
      await page.waitForFunction('Chart.getChart("chart-months") && Chart.getChart("chart-rules")')
      opens.push(await page.evaluate<number>('performance.now()'))
      // A reader's first click: the first incident opened, until the frame that shows its timeline.
      shown.push(await page.evaluate<number>(`new Promise((resolve) => {
        const details = document.querySelector('section.incident details'), start = performance.now()
        details.open = true
        const shown = () => details.querySelector('.update') ? requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - start))) : requestAnimationFrame(shown)
        shown()
      })`))
      await page.close()
    }
    await browser.close()
    const {size} = statSync(report)
    console.log(`HTML report: ${(size / 1024 / 1024).toFixed(1)} MiB; wall-clock medians of ${opens.length} opens in Chromium:`)
    console.log(`  open (load event, charts drawn)  ${seconds(median(opens))}   (issue #16: < 2 s)`)
    console.log(`  first incident's timeline shown  ${(median(shown)).toFixed(0)} ms`)
  }
} finally {
  rmSync(dir, {recursive: true, force: true})
}

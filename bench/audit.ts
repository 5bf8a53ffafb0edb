/**
 * `npm run bench:audit`: a large company's history (10,000 updates in
 * Statuspage's shape, from bench/corpus.ts) through `liaison audit`, against
 * linting the same messages one by one with `lint()`, in one process,
 * interleaved, as a ratio within the run (issue #16 asks ≤ 1.3×). Then the
 * HTML report for the same history, opened in Chromium: the time to its
 * load event with both charts drawn. Measured and printed, never asserted.
 *
 *   npm run bench:audit              # 10,000 updates, 3 rounds
 *   npm run bench:audit -- --quick   # 2,000 updates, 1 round
 */
import {existsSync, mkdtempSync, rmSync, statSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {pathToFileURL} from 'node:url'
import {parseArgs} from 'node:util'
import {chromium} from 'playwright-core'
import {run} from '../src/cli/run.ts'
import {lint} from '../src/index.ts'
import {createRandom, message} from './corpus.ts'

const {values} = parseArgs({options: {quick: {type: 'boolean', default: false}}})
const quick = values.quick
const updateCount = quick ? 2000 : 10_000
const rounds = quick ? 1 : 3
const phases = ['investigating', 'identified', 'monitoring', 'resolved'] as const

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

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!
async function time(fn: () => Promise<unknown>): Promise<number> {
  const start = process.hrtime.bigint()
  await fn()
  return Number(process.hrtime.bigint() - start) / 1e6
}

const dir = mkdtempSync(join(tmpdir(), 'liaison-bench-audit-'))
try {
  const data = history(updateCount)
  const file = join(dir, 'incidents.json')
  writeFileSync(file, JSON.stringify(data))
  const updates = data.incidents.flatMap((incident) => incident.incident_updates)
  const sink = {write: () => true}
  const io = {cwd: dir, env: {}, stdin: (async function* () {})(), stdout: sink, stderr: sink}
  const variants: Record<string, () => Promise<unknown>> = {
    'liaison audit': () => run(['audit', file, '-f', 'json', '--no-config'], io),
    'lint() one by one': async () => {
      for (const update of updates) await lint(update.body, {phase: update.status})
    },
  }
  // Warm-up on a small history: module loading and processor building are start-up, not audit time.
  const warmFile = join(dir, 'warm.json')
  writeFileSync(warmFile, JSON.stringify(history(200)))
  await run(['audit', warmFile, '-f', 'json', '--no-config'], io)
  for (const update of history(200).incidents.flatMap((incident) => incident.incident_updates)) await lint(update.body, {phase: update.status})
  const samples: Record<string, number[]> = {'liaison audit': [], 'lint() one by one': []}
  const names = Object.keys(variants)
  for (let round = 0; round < rounds; round++) {
    for (let k = 0; k < names.length; k++) {
      const name = names[(round + k) % names.length]!
      samples[name]!.push(await time(variants[name]!))
    }
  }
  const [audit, oneByOne] = names.map((name) => median(samples[name]!)) as [number, number]
  console.log(`${updates.length} updates in ${data.incidents.length} incidents, ${rounds} round(s), medians:`)
  console.log(`  liaison audit       ${(audit / 1000).toFixed(1)} s`)
  console.log(`  lint() one by one   ${(oneByOne / 1000).toFixed(1)} s`)
  console.log(`  ratio               ${(audit / oneByOne).toFixed(2)}× (issue #16: ≤ 1.3×)`)

  const report = join(dir, 'report.html')
  await run(['audit', file, '-f', 'json', '--no-config', '--report', report], io)
  const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
  if (!existsSync(executablePath)) {
    console.log(`  report open time    skipped: no ${executablePath}`)
  } else {
    const browser = await chromium.launch({executablePath, args: ['--no-sandbox', '--disable-gpu']})
    const opens: number[] = []
    for (let round = 0; round < Math.max(rounds, 3); round++) {
      const page = await browser.newPage()
      await page.goto(pathToFileURL(report).href, {waitUntil: 'load'})
      await page.waitForFunction('Chart.getChart("chart-months") && Chart.getChart("chart-rules")')
      opens.push(await page.evaluate<number>('performance.now()'))
      await page.close()
    }
    await browser.close()
    const {size} = statSync(report)
    console.log(`  report              ${(size / 1024 / 1024).toFixed(1)} MiB; opens (load event, charts drawn) in ${(median(opens) / 1000).toFixed(2)} s median of ${opens.length} (issue #16: < 2 s)`)
  }
} finally {
  rmSync(dir, {recursive: true, force: true})
}

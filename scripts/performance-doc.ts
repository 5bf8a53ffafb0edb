/**
 * The figures of `npm run bench` as Markdown tables. bench/run.ts prints
 * them and writes bench/results.json; docs/performance.md shows the same
 * tables between its `<!-- liaison:bench -->` markers, rendered from the
 * committed results file by scripts/generated-docs.ts, so the doc cannot
 * show figures the benchmark did not produce.
 */

export interface BenchResults {
  node: string
  date: string
  machine: {cpu: string; cores: number; loadAverage: number[]}
  quick: boolean
  /** The older commit measured in the same run (`--baseline`). */
  baseline?: {ref: string; commit: string}
  perMessage: {
    messages: number
    rounds: number
    rows: Array<{work: string; usPerMessage: number; messagesPerSecond: number; ratio: number; baselineRatio?: number}>
  }
  rules: Array<{step: string; usPerMessage: number; share: number}>
  large: Array<{mib: number; fileMs: number; separateMs: number; ratio: number; baselineFileMs?: number; baselineRatio?: number}>
  memory?: {peakRssMiB: number; baselinePeakRssMiB?: number; baselineRatio?: number}
  startup?: {runs: number; nodeMs: number; liaisonMs: number; ratio: number; baselineMs?: number; baselineRatio?: number; cpuMs?: Record<string, number>}
  hostile: Array<{input: string; smallMs: number; bigMs: number; growth: number}>
}

const fmt = (n: number, digits = 1) => n.toFixed(digits)
const optional = (n: number | undefined, digits = 2) => (n === undefined ? '–' : fmt(n, digits))

function table(header: readonly string[], align: readonly ('l' | 'r')[], rows: ReadonlyArray<readonly string[]>): string {
  const rule = align.map((a) => (a === 'r' ? '---:' : '---'))
  return [header, rule, ...rows].map((cells) => `| ${cells.join(' | ')} |`).join('\n')
}

export function renderSetup(results: BenchResults): string {
  const {machine} = results
  const load = machine.loadAverage.map((n) => fmt(n, 1)).join(', ')
  const lines = [
    `Measured ${results.date.slice(0, 10)} on Node ${results.node}, ${machine.cores} × ${machine.cpu} (load average at the start: ${load})${results.quick ? ', `--quick`' : ''}.`,
  ]
  lines.push('Figures measured inside one process are CPU time (user and system, all threads): on a shared machine wall time mostly measures the wait for a core. Start-up is wall-clock time of whole processes.')
  if (results.baseline) lines.push(`Baseline in the same run: \`${results.baseline.ref}\` (${results.baseline.commit.slice(0, 12)}); "× baseline" below 1.00 is faster than it.`)
  return lines.join('\n')
}

export function renderPerMessage(results: BenchResults): string {
  const {messages, rounds, rows} = results.perMessage
  const withBaseline = results.baseline !== undefined
  const header = ['Work', 'µs per message', 'messages/s', '× parse', ...(withBaseline ? ['× baseline'] : [])]
  const body = rows.map((row) => [
    row.work,
    fmt(row.usPerMessage),
    fmt(row.messagesPerSecond, 0),
    fmt(row.ratio, 2),
    ...(withBaseline ? [optional(row.baselineRatio)] : []),
  ])
  return `${messages} generated messages, median of ${rounds} interleaved rounds.\n\n${table(header, withBaseline ? ['l', 'r', 'r', 'r', 'r'] : ['l', 'r', 'r', 'r'], body)}`
}

export function renderRules(results: BenchResults): string {
  const body = results.rules.map((row) => [row.step, fmt(row.usPerMessage), `${fmt(row.share * 100, 0)}%`])
  return `Every rule on, the same messages; the doc's parts are paid once per message.\n\n${table(['Step', 'µs per message', 'share'], ['l', 'r', 'r'], body)}`
}

export function renderLarge(results: BenchResults): string {
  const withBaseline = results.baseline !== undefined
  const header = ['Size', 'one file (ms)', 'per message (ms)', 'ratio', '× previous size', ...(withBaseline ? ['baseline one file (ms)', '× baseline'] : [])]
  const body = results.large.map((row, index) => {
    const previous = results.large[index - 1]
    return [
      `${row.mib} MiB`,
      fmt(row.fileMs, 0),
      fmt(row.separateMs, 0),
      fmt(row.ratio, 2),
      previous ? fmt(row.fileMs / previous.fileMs, 2) : '–',
      ...(withBaseline ? [row.baselineFileMs === undefined ? '–' : fmt(row.baselineFileMs, 0), optional(row.baselineRatio)] : []),
    ]
  })
  return `One file against the same messages linted one by one.\n\n${table(header, header.map((_, i) => (i === 0 ? 'l' : 'r')), body)}`
}

export function renderMemoryAndStartup(results: BenchResults): string {
  const lines: string[] = []
  const {memory, startup} = results
  if (memory) {
    const base = memory.baselinePeakRssMiB === undefined ? '' : `; baseline ${fmt(memory.baselinePeakRssMiB)} MiB (× baseline ${optional(memory.baselineRatio)})`
    lines.push(`- Peak RSS of a fresh process linting a 1 MiB file: ${fmt(memory.peakRssMiB)} MiB${base}.`)
  }
  if (startup) {
    const base = startup.baselineMs === undefined ? '' : `; baseline ${fmt(startup.baselineMs)} ms, ${optional(startup.baselineRatio)}× \`node -e 0\``
    lines.push(`- Start-up, \`liaison draft.txt\`: ${fmt(startup.liaisonMs)} ms against ${fmt(startup.nodeMs)} ms for \`node -e 0\`: ${fmt(startup.ratio, 2)}×${base} (median of ${startup.runs}, interleaved).`)
  }
  return lines.length > 0 ? lines.join('\n') : 'Memory and start-up were not measured (no `dist/`).'
}

export function renderHostile(results: BenchResults): string {
  const body = results.hostile.map((row) => [row.input, fmt(row.smallMs), fmt(row.bigMs), fmt(row.growth, 2)])
  return `100 kB against 50 kB of the same shape, \`strict\`; growth 2.0 is linear.\n\n${table(['Input', '50 kB (ms)', '100 kB (ms)', 'growth'], ['l', 'r', 'r', 'r'], body)}`
}

/** Everything, in the order the benchmark runs. */
export function renderBench(results: BenchResults): string {
  return [
    renderSetup(results),
    '### Per message',
    renderPerMessage(results),
    '### Per rule',
    renderRules(results),
    '### Large input',
    renderLarge(results),
    '### Memory and start-up',
    renderMemoryAndStartup(results),
    '### Hostile input',
    renderHostile(results),
  ].join('\n\n')
}

/**
 * `npm run bench`: liaison against the parser floor (and alex, when
 * installed), and against an older commit with `--baseline`, in one
 * process, interleaved, reported as ratios within the run. Measures the
 * built package (`dist/`, as users run it; the npm script builds first).
 * Writes bench/results.json and the tables in docs/performance.md. Not part
 * of `npm test`: no test asserts a time.
 *
 *   npm run bench                          # everything
 *   npm run bench -- --quick               # fewer rounds, smaller files
 *   npm run bench -- --baseline 81173f4    # the same figures for that commit, side by side
 *   npm run bench -- --only startup        # start-up alone (with its CPU time on Linux); writes nothing
 */
import {execFileSync} from 'node:child_process'
import {existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {cpus, loadavg, tmpdir} from 'node:os'
import {join} from 'node:path'
import {fileURLToPath, pathToFileURL} from 'node:url'
import {parseArgs} from 'node:util'
import retextEnglish from 'retext-english'
import {unified} from 'unified'
import {parseInChunks} from '../src/text/parse.ts'
import {type BenchResults, renderBench, renderHostile, renderLarge, renderMemoryAndStartup, renderPerMessage, renderRules} from '../scripts/performance-doc.ts'
import {prepareBaseline} from './baseline.ts'
import {corpus, largeFile} from './corpus.ts'
import {interleaved, median, type Task} from './measure.ts'
import {perRuleCosts} from './rules.ts'
import {measureStartup, renderStartupCpu} from './startup.ts'

const {values} = parseArgs({options: {quick: {type: 'boolean', default: false}, baseline: {type: 'string'}, only: {type: 'string'}}})
const quick = values.quick
const root = fileURLToPath(new URL('../', import.meta.url))
if (values.only !== undefined && values.only !== 'startup') throw new Error(`bench: --only ${values.only} is not a section that runs alone (expected "startup")`)

/** lint() as the built tree exports it; a baseline may predate `vocabulary` and ignores it. */
type Lint = (text: string, options?: {preset?: 'recommended' | 'strict'; vocabulary?: unknown[]}) => Promise<unknown>

async function loadLint(tree: string): Promise<Lint> {
  const entry = join(tree, 'dist/src/index.js')
  if (!existsSync(entry)) throw new Error(`bench: ${entry} is missing; run \`npm run build\` first`)
  return ((await import(pathToFileURL(entry).href)) as {lint: Lint}).lint
}

async function loadAlex(): Promise<((text: string) => unknown) | undefined> {
  try {
    const alex = await import('alex')
    return (text) => alex.text(text)
  } catch {
    return undefined
  }
}

const baseline = values.baseline === undefined ? undefined : prepareBaseline(values.baseline, root)
if (values.only === 'startup') {
  const dir = mkdtempSync(join(tmpdir(), 'liaison-bench-'))
  try {
    const draft = join(dir, 'draft.txt')
    writeFileSync(draft, corpus(1)[0]!)
    const startup = await measureStartup(draft, quick ? 5 : 15, root, baseline?.root)
    console.log(`\n## Start-up\n\n${renderMemoryAndStartup({startup} as BenchResults)}\n${renderStartupCpu(startup)}`)
  } finally {
    rmSync(dir, {recursive: true, force: true})
  }
  process.exit(0)
}
const lint = await loadLint(root)
const baseLint = baseline && (await loadLint(baseline.root))
const partial: Partial<BenchResults> = {
  node: process.version,
  date: new Date().toISOString(),
  machine: {cpu: cpus()[0]?.model ?? 'unknown', cores: cpus().length, loadAverage: loadavg()},
  quick,
  ...(baseline && {baseline: {ref: baseline.ref, commit: baseline.commit}}),
}
const results = partial as BenchResults

// 1. Per message.
const messages = corpus(quick ? 200 : 500)
const rounds = quick ? 5 : 15
const parser = unified().use(retextEnglish)
/** One rule with 5,000 terms, half of them two-word phrases: one object, so it compiles once, as a config's does. */
const vocabulary = [{id: 'team-words', forbid: Array.from({length: 5000}, (_, i) => (i % 2 === 0 ? `codename${i}` : `project falcon${i}`))}]
const alex = await loadAlex()
const each = (fn: (text: string) => unknown): Task => async () => {
  for (const text of messages) await fn(text)
}
const perMessage: Record<string, Task> = {
  parse: each((text) => parseInChunks(text, (value) => parser.parse(value))),
  recommended: each((text) => lint(text)),
  strict: each((text) => lint(text, {preset: 'strict'})),
  // The recommended preset plus a team vocabulary of 5,000 forbidden words and phrases (docs/vocabulary.md).
  vocabulary: each((text) => lint(text, {vocabulary})),
}
if (baseLint) {
  perMessage['baseline recommended'] = each((text) => baseLint(text))
  perMessage['baseline strict'] = each((text) => baseLint(text, {preset: 'strict'}))
}
if (alex) perMessage.alex = each(alex)
const perMessageMs = await interleaved(perMessage, rounds)
results.perMessage = {
  messages: messages.length,
  rounds,
  rows: Object.entries(perMessageMs).map(([work, ms]) => {
    const base = perMessageMs[`baseline ${work}`]
    return {
      work,
      usPerMessage: (ms * 1000) / messages.length,
      messagesPerSecond: messages.length / (ms / 1000),
      ratio: ms / perMessageMs.parse!,
      ...(base !== undefined && {baselineRatio: ms / base}),
    }
  }),
}
console.log(`\n## Per message\n\n${renderPerMessage(results)}`)
if (!alex) console.log('\n(alex is not installed: `npm install --no-save alex` to compare)')
// Must stay at or under 1.2: a vocabulary's terms share one trie, so 5,000 cost what 5 do.
const vocabularyRatio = perMessageMs.vocabulary! / perMessageMs.recommended!
console.log(`\n5,000 forbidden terms: ${vocabularyRatio.toFixed(2)}× the same preset with none, per message (budget 1.2×)`)

// 2. What each rule costs.
results.rules = perRuleCosts(messages, quick ? 2 : 5)
console.log(`\n## Per rule\n\n${renderRules(results)}`)

// 3. Large input: one file versus the same messages one by one.
results.large = []
for (const mib of quick ? [0.25, 0.5] : [0.25, 0.5, 1, 2]) {
  const text = largeFile(mib * 1024 * 1024)
  const parts = text.split('\n\n')
  const variants: Record<string, Task> = {
    file: () => lint(text),
    separate: async () => {
      for (const part of parts) await lint(part)
    },
  }
  if (baseLint) variants.baseline = () => baseLint(text)
  const measured = await interleaved(variants, 3)
  const base = measured.baseline
  results.large.push({
    mib,
    fileMs: measured.file!,
    separateMs: measured.separate!,
    ratio: measured.file! / measured.separate!,
    ...(base !== undefined && {baselineFileMs: base, baselineRatio: measured.file! / base}),
  })
}
console.log(`\n## Large input\n\n${renderLarge(results)}`)

// 4. Memory (peak RSS of fresh processes linting 1 MiB) and start-up (whole processes).
const dir = mkdtempSync(join(tmpdir(), 'liaison-bench-'))
try {
  const oneMiB = join(dir, 'one-mib.txt')
  writeFileSync(oneMiB, largeFile(1024 * 1024))
  const script = `import {readFileSync} from 'node:fs'; import {lint} from 'liaison'; await lint(readFileSync(${JSON.stringify(oneMiB)}, 'utf8')); console.log(process.resourceUsage().maxRSS)`
  const peakRss = (tree: string) => Number(execFileSync(process.execPath, ['--input-type=module', '-e', script], {cwd: tree, encoding: 'utf8'}).trim()) / 1024
  const rss: number[] = []
  const baseRss: number[] = []
  // Seven, not three: a process's peak moves by ±2 MiB from run to run (glibc's arenas for V8's helper threads).
  for (let run = 0; run < (quick ? 3 : 7); run++) {
    rss.push(peakRss(root))
    if (baseline) baseRss.push(peakRss(baseline.root))
  }
  results.memory = {
    peakRssMiB: median(rss),
    ...(baseline && {baselinePeakRssMiB: median(baseRss), baselineRatio: median(rss) / median(baseRss)}),
  }

  const draft = join(dir, 'draft.txt')
  writeFileSync(draft, messages[0]!)
  results.startup = await measureStartup(draft, quick ? 5 : 15, root, baseline?.root)
  console.log(`\n## Memory and start-up\n\n${renderMemoryAndStartup(results)}\n${renderStartupCpu(results.startup)}`)
} finally {
  rmSync(dir, {recursive: true, force: true})
}

// 5. Hostile input: 100 kB against 50 kB of the same shape (2.0 means linear).
const shapes: Record<string, (n: number) => string> = {
  'repeated a.': (n) => 'a.'.repeat(n / 2),
  'repeated www.': (n) => 'www.'.repeat(n / 4),
  hyphens: (n) => 'a-'.repeat(n / 2),
  digits: (n) => '1.2.3-4:5 '.repeat(n / 10),
  placeholders: (n) => '{{x}} '.repeat(n / 6),
  'one word': (n) => 'x'.repeat(n),
  // Runs with no two characters below U+0300 in a row go to Intl.Segmenter, which is super-linear per call.
  'right-to-left words': (n) => '\u05d0\u05d1 '.repeat(n / 3),
  'combining marks': (n) => 'e\u0301'.repeat(n / 2),
  'lone surrogates': (n) => '\ud800a'.repeat(n / 2),
  'emoji ZWJ sequences': (n) => '👩🏽\u200d💻 '.repeat(n / 8),
  'IPv6-like colons': (n) => '1:'.repeat(n / 2),
  'unclosed quotes and braces': (n) => '"a {{b `c '.repeat(n / 10),
}
results.hostile = []
for (const [input, make] of Object.entries(shapes)) {
  const small = make(50_000)
  const big = make(100_000)
  const t = await interleaved({small: () => lint(small, {preset: 'strict'}), big: () => lint(big, {preset: 'strict'})}, 3)
  results.hostile.push({input, smallMs: t.small, bigMs: t.big, growth: t.big / t.small})
}
console.log(`\n## Hostile input\n\n${renderHostile(results)}`)

writeFileSync(join(root, 'bench/results.json'), `${JSON.stringify(results, null, 2)}\n`)
// The doc shows these figures (scripts/generated-docs.ts checks it against the results file).
const {replaceSection} = await import('../scripts/generated-docs.ts')
const docPath = join(root, 'docs/performance.md')
writeFileSync(docPath, replaceSection(readFileSync(docPath, 'utf8'), 'bench', renderBench(results), 'docs/performance.md'))
console.log('\nWrote bench/results.json and the tables in docs/performance.md')

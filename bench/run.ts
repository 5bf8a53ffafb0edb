/**
 * `npm run bench`: liaison against the parser floor (and alex, when
 * installed), in one process, interleaved, reported as ratios within the run.
 * Writes bench/results.json. Not part of `npm test`: no test asserts a time.
 *
 *   npm run bench              # everything
 *   npm run bench -- --quick   # fewer rounds, smaller files
 */
import {execFileSync, spawnSync} from 'node:child_process'
import {existsSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {fileURLToPath} from 'node:url'
import {parseArgs} from 'node:util'
import retextEnglish from 'retext-english'
import {unified} from 'unified'
import {lint} from '../src/index.ts'
import {parseInChunks} from '../src/text/parse.ts'
import {corpus, largeFile} from './corpus.ts'

const {values} = parseArgs({options: {quick: {type: 'boolean', default: false}}})
const quick = values.quick
const root = fileURLToPath(new URL('../', import.meta.url))
const results: Record<string, unknown> = {node: process.version, date: new Date().toISOString()}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!
const fmt = (n: number, digits = 1) => n.toFixed(digits)

async function time(fn: () => unknown): Promise<number> {
  const start = process.hrtime.bigint()
  await fn()
  return Number(process.hrtime.bigint() - start) / 1e6
}

/** Run every variant once per round, in rotating order, and keep each one's median. */
async function interleaved(variants: Record<string, () => unknown>, rounds: number): Promise<Record<string, number>> {
  const names = Object.keys(variants)
  const samples: Record<string, number[]> = Object.fromEntries(names.map((n) => [n, []]))
  for (const name of names) await variants[name]!() // warm-up
  for (let round = 0; round < rounds; round++) {
    for (let k = 0; k < names.length; k++) {
      const name = names[(round + k) % names.length]!
      samples[name]!.push(await time(variants[name]!))
    }
  }
  return Object.fromEntries(names.map((n) => [n, median(samples[n]!)]))
}

async function loadAlex(): Promise<((text: string) => unknown) | undefined> {
  try {
    const alex = await import('alex')
    return (text) => alex.text(text)
  } catch {
    return undefined
  }
}

// 1. Per message.
const messages = corpus(quick ? 200 : 500)
const parser = unified().use(retextEnglish)
const alex = await loadAlex()
const perMessage: Record<string, () => unknown> = {
  parse: () => {
    for (const text of messages) parseInChunks(text, (value) => parser.parse(value))
  },
  recommended: async () => {
    for (const text of messages) await lint(text)
  },
  strict: async () => {
    for (const text of messages) await lint(text, {preset: 'strict'})
  },
}
if (alex) perMessage.alex = () => {
  for (const text of messages) alex(text)
}
const perMessageMs = await interleaved(perMessage, quick ? 5 : 15)
const floor = perMessageMs.parse!
console.log(`\n## Per message (${messages.length} generated messages, median of ${quick ? 5 : 15} interleaved rounds)\n`)
console.log('| Work | µs per message | messages/s | × parse |\n| --- | ---: | ---: | ---: |')
const perMessageRows: Record<string, unknown> = {}
for (const [name, ms] of Object.entries(perMessageMs)) {
  const us = (ms * 1000) / messages.length
  perMessageRows[name] = {usPerMessage: us, messagesPerSecond: messages.length / (ms / 1000), ratio: ms / floor}
  console.log(`| ${name} | ${fmt(us)} | ${fmt(messages.length / (ms / 1000), 0)} | ${fmt(ms / floor, 2)} |`)
}
if (!alex) console.log('\n(alex is not installed: `npm install --no-save alex` to compare)')
results.perMessage = perMessageRows

// 2. Large input: one file versus the same messages one by one.
console.log('\n## Large input (one file vs the same messages linted one by one)\n')
console.log('| Size | one file (ms) | per message (ms) | ratio | × previous size |\n| --- | ---: | ---: | ---: | ---: |')
const sizes = quick ? [0.25, 0.5] : [0.25, 0.5, 1, 2]
const large: unknown[] = []
let previous: number | undefined
for (const mib of sizes) {
  const text = largeFile(mib * 1024 * 1024)
  const parts = text.split('\n\n')
  const measured = await interleaved(
    {
      file: () => lint(text),
      separate: async () => {
        for (const part of parts) await lint(part)
      },
    },
    3,
  )
  const growth = previous ? measured.file! / previous : undefined
  previous = measured.file!
  large.push({mib, fileMs: measured.file, separateMs: measured.separate, ratio: measured.file! / measured.separate!})
  console.log(`| ${mib} MiB | ${fmt(measured.file!, 0)} | ${fmt(measured.separate!, 0)} | ${fmt(measured.file! / measured.separate!, 2)} | ${growth ? fmt(growth, 2) : '–'} |`)
}
results.large = large

// 3. Memory: peak RSS of a fresh process linting 1 MiB.
const dir = mkdtempSync(join(tmpdir(), 'liaison-bench-'))
try {
  const oneMiB = join(dir, 'one-mib.txt')
  writeFileSync(oneMiB, largeFile(1024 * 1024))
  const script = `import {readFileSync} from 'node:fs'; import {lint} from 'liaison'; await lint(readFileSync(${JSON.stringify(oneMiB)}, 'utf8')); console.log(process.resourceUsage().maxRSS)`
  if (existsSync(join(root, 'dist/src/index.js'))) {
    const rssKiB = Number(execFileSync(process.execPath, ['--input-type=module', '-e', script], {cwd: root, encoding: 'utf8'}).trim())
    results.peakRssMiB = rssKiB / 1024
    console.log(`\n## Memory\n\nPeak RSS linting a 1 MiB file in a fresh process: ${fmt(rssKiB / 1024)} MiB`)
  }

  // 4. Start-up: whole processes, median of 15 interleaved runs.
  const bin = join(root, 'dist/src/cli/bin.js')
  if (existsSync(bin)) {
    const draft = join(dir, 'draft.txt')
    writeFileSync(draft, messages[0]!)
    const runs = quick ? 5 : 15
    const base: number[] = []
    const cli: number[] = []
    for (let i = 0; i < runs; i++) {
      base.push(await time(() => spawnSync(process.execPath, ['-e', '0'])))
      cli.push(await time(() => spawnSync(process.execPath, [bin, draft])))
    }
    results.startup = {nodeMs: median(base), liaisonMs: median(cli), ratio: median(cli) / median(base)}
    console.log(`\n## Start-up\n\n\`liaison draft.txt\` ${fmt(median(cli))} ms vs \`node -e 0\` ${fmt(median(base))} ms: ${fmt(median(cli) / median(base), 2)}× (median of ${runs}, interleaved)`)
  }
} finally {
  rmSync(dir, {recursive: true, force: true})
}

// 5. Hostile input: 100 kB against 50 kB of the same shape (2.0 means linear).
console.log('\n## Hostile input (100 kB vs 50 kB; 2.0 = linear)\n')
console.log('| Input | 50 kB (ms) | 100 kB (ms) | growth |\n| --- | ---: | ---: | ---: |')
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
const hostile: Record<string, unknown> = {}
for (const [name, make] of Object.entries(shapes)) {
  const small = make(50_000)
  const big = make(100_000)
  const t = await interleaved({small: () => lint(small, {preset: 'strict'}), big: () => lint(big, {preset: 'strict'})}, 3)
  hostile[name] = {smallMs: t.small, bigMs: t.big, growth: t.big! / t.small!}
  console.log(`| ${name} | ${fmt(t.small!)} | ${fmt(t.big!)} | ${fmt(t.big! / t.small!, 2)} |`)
}
results.hostile = hostile

writeFileSync(join(root, 'bench/results.json'), `${JSON.stringify(results, null, 2)}\n`)
console.log('\nWrote bench/results.json')

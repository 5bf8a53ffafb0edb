/**
 * `npm run bench:limits`: time and peak memory of the built command on large
 * drafts, per format and size, each run in its own process under
 * `/usr/bin/time -v` (peak RSS is the kernel's figure for the whole process).
 * Times are shown as a ratio to the same run's 1 MiB text file too, since the
 * machine is shared. Not part of `npm test`: no test asserts a time.
 *
 *   npm run bench:limits                 # text, Markdown, YAML, JSON at 1, 2, 4 MiB
 *   npm run bench:limits -- --sizes 1,2  # other sizes (MiB)
 */
import {spawnSync} from 'node:child_process'
import {existsSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {fileURLToPath} from 'node:url'
import {parseArgs} from 'node:util'
import {corpus, largeFile} from './corpus.ts'

const {values} = parseArgs({options: {sizes: {type: 'string', default: '1,2,4'}}})
const sizes = values.sizes.split(',').map(Number)
const root = fileURLToPath(new URL('../', import.meta.url))
const bin = join(root, 'dist/src/cli/bin.js')
if (!existsSync(bin)) throw new Error('run `npm run build` first')
if (!existsSync('/usr/bin/time')) throw new Error('needs /usr/bin/time (GNU time) for peak memory')

const MiB = 1024 * 1024

/** Messages joined until `bytes`: the same prose in each format. */
function messages(bytes: number): string[] {
  const found: string[] = []
  let total = 0
  for (const text of corpus(Math.ceil(bytes / 150))) {
    if (total >= bytes) break
    found.push(text)
    total += text.length + 40
  }
  return found
}

const formats: Record<string, {extension: string; make: (bytes: number) => string}> = {
  text: {extension: 'txt', make: (bytes) => largeFile(bytes)},
  Markdown: {extension: 'md', make: (bytes) => `# Incident updates\n\n${largeFile(bytes - 20)}`},
  YAML: {
    extension: 'yaml',
    make: (bytes) => `${messages(bytes).map((body, i) => `- name: update ${i}\n  body: ${JSON.stringify(body)}`).join('\n')}\n`,
  },
  JSON: {extension: 'json', make: (bytes) => JSON.stringify(messages(bytes).map((body, i) => ({name: `update ${i}`, body})))},
}

interface Run {
  seconds: number
  peakMiB: number
  code: number | null
  stderr: string
}

function measure(file: string): Run {
  const result = spawnSync('/usr/bin/time', ['-v', process.execPath, bin, '--no-config', '--max-file-size', '64MiB', '--format', 'json', file], {
    encoding: 'utf8',
    maxBuffer: 1024 * MiB,
  })
  const stats = result.stderr
  const field = (name: string) => new RegExp(`${name}: (.+)`).exec(stats)?.[1] ?? ''
  const [minutes, seconds] = field('Elapsed \\(wall clock\\) time \\(h:mm:ss or m:ss\\)').split(':').map(Number)
  const own = stats.split('\n').filter((line) => line.startsWith('liaison:'))
  return {seconds: minutes! * 60 + seconds!, peakMiB: Number(field('Maximum resident set size \\(kbytes\\)')) / 1024, code: result.status, stderr: own.join(' ')}
}

const dir = mkdtempSync(join(tmpdir(), 'liaison-limits-'))
writeFileSync(join(dir, 'one-line.txt'), 'Checkout is failing.\n')
const baseline = measure(join(dir, 'one-line.txt'))
console.log(`Node ${process.version}; a one-line file takes ${baseline.seconds.toFixed(2)} s and ${baseline.peakMiB.toFixed(0)} MiB.\n`)
console.log('| Format | Size | Time (s) | Peak RSS (MiB) | Exit | Note |\n| --- | ---: | ---: | ---: | :---: | --- |')
const results: Record<string, Record<number, Run>> = {}
try {
  for (const [name, {extension, make}] of Object.entries(formats)) {
    results[name] = {}
    for (const size of sizes) {
      const file = join(dir, `draft-${size}.${extension}`)
      writeFileSync(file, make(size * MiB))
      const run = measure(file)
      results[name][size] = run
      console.log(`| ${name} | ${size} MiB | ${run.seconds.toFixed(1)} | ${run.peakMiB.toFixed(0)} | ${run.code} | ${run.stderr.slice(0, 120)} |`)
      rmSync(file)
    }
  }
} finally {
  rmSync(dir, {recursive: true, force: true})
}
writeFileSync(join(root, 'bench/limits.json'), `${JSON.stringify({node: process.version, date: new Date().toISOString(), baseline, results}, null, 2)}\n`)

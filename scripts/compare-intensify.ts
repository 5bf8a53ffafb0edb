/**
 * `npx tsx scripts/compare-intensify.ts`: no-speculation against
 * retext-intensify, the ecosystem's hedge detector, on no-speculation's own
 * fixtures. A flagged fixture counts as detected when a tool reports anything
 * in it; a passing fixture counts as a false positive when it reports
 * anything. Cases with rule options are left out: intensify has no
 * equivalent, so both tools run with their defaults.
 *
 *   npx tsx scripts/compare-intensify.ts          # the table
 *   npx tsx scripts/compare-intensify.ts --list   # plus every case a tool gets wrong
 */
import {parseArgs} from 'node:util'
import retextEnglish from 'retext-english'
import retextIntensify from 'retext-intensify'
import {unified} from 'unified'
import {VFile} from 'vfile'
import {noSpeculation} from '../rules/no-speculation.ts'
import {loadFixtures, runRule} from './fixtures.ts'

const {values} = parseArgs({options: {list: {type: 'boolean', default: false}}})

interface Tool {
  name: string
  reports(text: string): Promise<string[]>
}

const intensify = unified().use(retextEnglish).use(retextIntensify).freeze()

async function intensifyReports(text: string): Promise<Array<{ruleId: string; actual: string}>> {
  const file = new VFile(text)
  await intensify.run(intensify.parse(file), file)
  return file.messages.map((m) => ({ruleId: m.ruleId ?? '', actual: String(m.actual)}))
}

const tools: Tool[] = [
  {
    name: 'liaison no-speculation',
    reports: async (text) => (await runRule(noSpeculation, {text})).messages.map((m) => `${m.messageId} "${m.actual}"`),
  },
  {
    name: 'retext-intensify (all)',
    reports: async (text) => (await intensifyReports(text)).map((m) => `${m.ruleId} "${m.actual}"`),
  },
  {
    name: 'retext-intensify (hedges only)',
    reports: async (text) =>
      (await intensifyReports(text)).filter((m) => m.ruleId === 'hedge').map((m) => `${m.ruleId} "${m.actual}"`),
  },
]

const {flagged, passing} = loadFixtures('no-speculation')
const guesses = flagged.filter((c) => !c.options)
const nearMisses = passing.filter((c) => !c.options)

const pct = (n: number, d: number) => (d === 0 ? '–' : `${((100 * n) / d).toFixed(1)}%`)
const rows: string[] = []
const wrong: string[] = []

for (const tool of tools) {
  let detected = 0
  let falsePositives = 0
  for (const c of guesses) {
    const found = await tool.reports(c.text)
    if (found.length > 0) detected++
    else wrong.push(`${tool.name} misses: ${c.text}`)
  }
  for (const c of nearMisses) {
    const found = await tool.reports(c.text)
    if (found.length === 0) continue
    falsePositives++
    wrong.push(`${tool.name} flags: ${c.text}  → ${found.join(', ')}`)
  }
  const precision = pct(detected, detected + falsePositives)
  const recall = pct(detected, guesses.length)
  rows.push(`| ${tool.name} | ${detected}/${guesses.length} | ${falsePositives}/${nearMisses.length} | ${precision} | ${recall} |`)
}

console.log(`no-speculation fixtures without options: ${guesses.length} flagged, ${nearMisses.length} passing\n`)
console.log('| Tool | Flagged fixtures detected | Passing fixtures flagged | Precision | Recall |')
console.log('| --- | --- | --- | --- | --- |')
for (const row of rows) console.log(row)
if (values.list) console.log(`\n${wrong.join('\n')}`)

/**
 * `npm run eval`: lint every message of the real-status-update corpus
 * (../shared/corpus/*.jsonl, not part of this repository) with every rule on,
 * and print per rule how many messages it flags, with the first examples.
 * For reading false positives, not for asserting anything.
 *
 *   npm run eval                    # summary + 5 examples per rule
 *   npm run eval -- --all           # every flagged message
 *   npm run eval -- --rule no-speculation --all
 *   npm run eval -- --json          # machine-readable
 *   npm run eval -- --score         # precision and recall against eval/ labels
 *   npm run eval -- --score --rule no-speculation
 *
 * `--score` lints every labelled message of the development set (eval/devset.jsonl,
 * plus eval/shared-corpus-labels.jsonl joined with ../shared/corpus when it is
 * there) and, separately, of eval/adversarial.jsonl, with the phase the data
 * gives, and prints TP/FP/FN/TN, precision and recall per rule and every
 * false positive and false negative. See eval/README.md.
 */
import {existsSync, readdirSync, readFileSync} from 'node:fs'
import {parseArgs} from 'node:util'
import {dirname} from 'node:path'
import {isPhase} from '../src/analysis/phase.ts'
import {lint, rules} from '../src/index.ts'
import {findSharedCorpus, loadAdversarialSet, loadDevelopmentSet} from './eval-sets.ts'
import {type Flags, formatScores, type LabelledCase, lintPhase, scoredRules, scoreRule} from './scoring.ts'

const usage = `usage: npm run eval -- [--score] [--rule <id>]... [--json] [--all | --examples <n>] [--corpus <folder>] [--use-phase]
  --score           precision and recall against the labels in eval/ (see eval/README.md)
  --rule <id>       only this rule (repeatable)
  --json            machine-readable output
  --all             every flagged message, not the first examples
  --examples <n>    examples per rule (default 5)
  --corpus <folder> the folder of *.jsonl messages (default: ../shared/corpus)
  --use-phase       hand the corpus's phase to lint()`

function readArgs() {
  try {
    return parseArgs({
      options: {
        help: {type: 'boolean', short: 'h', default: false},
        all: {type: 'boolean', default: false},
        rule: {type: 'string', multiple: true},
        json: {type: 'boolean', default: false},
        examples: {type: 'string', default: '5'},
        corpus: {type: 'string'},
        'use-phase': {type: 'boolean', default: false},
        score: {type: 'boolean', default: false},
      },
    }).values
  } catch (error) {
    console.error(`liaison eval: ${(error as Error).message}\n${usage}`)
    process.exit(2)
  }
}

const values = readArgs()
if (values.help) {
  console.log(usage)
  process.exit(0)
}
const unknownRules = (values.rule ?? []).filter((id) => !rules.some((rule) => rule.meta.id === id))
if (unknownRules.length > 0) {
  console.error(`liaison eval: unknown rule ${unknownRules.map((id) => `"${id}"`).join(', ')}; rules: ${rules.map((rule) => rule.meta.id).join(', ')}`)
  process.exit(2)
}
if (!/^\d+$/.test(values.examples)) {
  console.error(`liaison eval: --examples takes a whole number, not "${values.examples}"`)
  process.exit(2)
}

if (values.score) {
  await score()
  process.exit(0)
}

async function score() {
  const known = new Set(rules.map((rule) => rule.meta.id))
  const wanted = scoredRules.filter((id) => !values.rule || values.rule.includes(id))
  const present = wanted.filter((id) => known.has(id))
  const missing = wanted.filter((id) => !known.has(id))
  const settings = Object.fromEntries(rules.map((rule) => [rule.meta.id, present.includes(rule.meta.id as never) ? 'warn' : 'off'] as const))
  const flagsOf = async (cases: LabelledCase[]): Promise<Flags> => {
    const flags: Flags = new Map()
    for (const item of cases) {
      const phase = lintPhase(item.phase)
      const file = await lint(item.text, {rules: settings, ...(phase ? {phase} : {})})
      const byRule = new Map<string, string[]>()
      for (const message of file.messages) {
        const list = byRule.get(message.ruleId!) ?? []
        list.push(`${message.line}:${message.column} ${JSON.stringify(message.actual)} — ${message.reason}`)
        byRule.set(message.ruleId!, list)
      }
      flags.set(item.id, byRule)
    }
    return flags
  }
  const {cases, sharedFound} = loadDevelopmentSet()
  const adversarial = loadAdversarialSet()
  const sets = [
    [`development set: ${cases.length} real updates${sharedFound ? ' (eval/devset.jsonl + shared corpus labels)' : ' (eval/devset.jsonl only: ../shared/corpus not found)'}`, cases],
    [`adversarial set: ${adversarial.length} cases (eval/adversarial.jsonl)`, adversarial],
  ] as const
  const report: Record<string, unknown> = {}
  for (const [title, set] of sets) {
    const flags = await flagsOf([...set])
    const scores = present.map((rule) => scoreRule(rule, [...set], flags))
    if (values.json) report[title] = scores
    else console.log(formatScores(title, scores, missing) + '\n')
  }
  if (values.json) console.log(JSON.stringify(report, null, 2))
}

interface Entry {
  id: string
  company: string
  phase: string
  text: string
}

const dir = values.corpus ?? `${dirname(findSharedCorpus() ?? '/nonexistent/shared/corpus/x')}/`
if (!existsSync(dir)) {
  console.error(`liaison eval: no corpus at ${dir} (it lives in ../shared/corpus beside the project); nothing to do`)
  process.exit(0)
}
const entries: Entry[] = readdirSync(dir)
  .filter((name) => name.endsWith('.jsonl'))
  .flatMap((name) =>
    readFileSync(dir + name, 'utf8')
      .split('\n')
      .filter((line) => line.trim())
      .map((line) => JSON.parse(line) as Entry),
  )

const ids = values.rule ?? rules.map((rule) => rule.meta.id)
const settings = Object.fromEntries(rules.map((rule) => [rule.meta.id, ids.includes(rule.meta.id) ? 'warn' : 'off'] as const))
const flagged = new Map<string, Array<{entry: Entry; reasons: string[]}>>(ids.map((id) => [id, []]))

for (const entry of entries) {
  const phase = values['use-phase'] && isPhase(entry.phase) ? entry.phase : undefined
  const file = await lint(entry.text, {rules: settings, ...(phase ? {phase} : {})})
  const byRule = new Map<string, string[]>()
  for (const message of file.messages) {
    const list = byRule.get(message.ruleId!) ?? []
    list.push(`${message.line}:${message.column} ${JSON.stringify(message.actual)} — ${message.reason}`)
    byRule.set(message.ruleId!, list)
  }
  for (const [id, reasons] of byRule) flagged.get(id)?.push({entry, reasons})
}

if (values.json) {
  console.log(JSON.stringify(Object.fromEntries([...flagged].map(([id, list]) => [id, list.map((f) => ({id: f.entry.id, reasons: f.reasons}))])), null, 2))
} else {
  const limit = values.all ? Infinity : Number(values.examples)
  console.log(`${entries.length} messages from ${new Set(entries.map((e) => e.company)).size} companies\n`)
  console.log('rule'.padEnd(26) + 'flagged   share')
  for (const [id, list] of flagged) console.log(id.padEnd(26) + String(list.length).padStart(7) + `   ${((100 * list.length) / entries.length).toFixed(1)}%`)
  for (const [id, list] of flagged) {
    if (list.length === 0 || limit === 0) continue
    console.log(`\n## ${id} (${list.length})`)
    for (const {entry, reasons} of list.slice(0, limit)) {
      console.log(`\n[${entry.id}, ${entry.phase}] ${entry.text.replace(/\s+/g, ' ')}`)
      for (const reason of reasons) console.log(`    ${reason}`)
    }
  }
}

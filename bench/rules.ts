/**
 * What each rule costs per message, and what the doc they share costs:
 * the parse and walk, language detection and phase detection (each paid
 * once per message, by the first rule that reads it). Every rule is on,
 * with its default options, over the same messages; each step is timed
 * around its own call, round after round, and the table gives µs per
 * message and the share of the whole.
 */
import {VFile} from 'vfile'
import {rules} from '../rules/index.ts'
import {buildDoc} from '../src/engine/doc.ts'
import {configureRule} from '../src/engine/executor.ts'
import {parse} from '../src/processors.ts'

export interface StepCost {
  step: string
  usPerMessage: number
  share: number
}

/** Reads a lazy getter of the doc, so that its cost lands in its own step. */
const touch = (value: unknown): unknown => value

const unused = () => {
  throw new Error('bench: no built-in rule reads the whole tree')
}

export function perRuleCosts(messages: readonly string[], rounds: number): StepCost[] {
  const configured = rules.map((rule) => configureRule(rule.definition, 'warn')!)
  const totals = new Map<string, number>()
  const add = (step: string, start: bigint) => totals.set(step, (totals.get(step) ?? 0) + Number(process.hrtime.bigint() - start) / 1e3)
  for (let round = 0; round <= rounds; round++) {
    if (round === 1) totals.clear() // round 0 warms up
    for (const text of messages) {
      const file = new VFile({value: text})
      let start = process.hrtime.bigint()
      const doc = buildDoc(file, parse)
      add('doc: parse and walk', start)
      start = process.hrtime.bigint()
      touch(doc.language)
      add('doc: language', start)
      start = process.hrtime.bigint()
      touch(doc.phase)
      add('doc: phase', start)
      for (const rule of configured) {
        start = process.hrtime.bigint()
        rule.run(file, doc, unused)
        add(rule.id, start)
      }
    }
  }
  const whole = [...totals.values()].reduce((sum, us) => sum + us, 0)
  return [...totals].map(([step, us]) => ({step, usPerMessage: us / rounds / messages.length, share: us / whole}))
}

/**
 * What each rule costs per message, and what the doc they share costs:
 * the parse and walk, language detection and phase detection (each paid
 * once per message, by the first rule that reads it). Every rule is on,
 * with its default options. Each step runs over all messages at once and
 * is timed in CPU time (a single call is too short to time on a busy
 * machine); the table gives the median round's µs per message and each
 * step's share of the whole.
 */
import {VFile} from 'vfile'
import {rules} from '../rules/index.ts'
import {buildDoc} from '../src/engine/doc.ts'
import {configureRule} from '../src/engine/executor.ts'
import {parse} from '../src/processors.ts'
import {median} from './measure.ts'

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

function cpuMs(fn: () => void): number {
  const start = process.cpuUsage()
  fn()
  const used = process.cpuUsage(start)
  return (used.user + used.system) / 1e3
}

export function perRuleCosts(messages: readonly string[], rounds: number): StepCost[] {
  // Incident rules read a whole incident, not one message: bench/audit.ts measures them.
  const configured = rules.filter((rule) => rule.meta.scope !== 'incident').map((rule) => configureRule(rule.definition, 'warn')!)
  const samples = new Map<string, number[]>()
  const add = (step: string, ms: number) => samples.set(step, [...(samples.get(step) ?? []), ms])
  for (let round = 0; round <= rounds; round++) {
    const files = messages.map((text) => new VFile({value: text}))
    let docs: ReturnType<typeof buildDoc>[] = []
    const steps: Array<[string, () => void]> = [
      ['doc: parse and walk', () => (docs = files.map((file) => buildDoc(file, parse)))],
      ['doc: language', () => docs.forEach((doc) => touch(doc.language))],
      ['doc: phase', () => docs.forEach((doc) => touch(doc.phase))],
      ...configured.map((rule): [string, () => void] => [rule.id, () => files.forEach((file, index) => rule.run(file, docs[index]!, unused))]),
    ]
    for (const [step, run] of steps) {
      const ms = cpuMs(run)
      if (round > 0) add(step, ms) // round 0 warms up
    }
  }
  const medians = [...samples].map(([step, ms]) => [step, median(ms)] as const)
  const whole = medians.reduce((sum, [, ms]) => sum + ms, 0)
  return medians.map(([step, ms]) => ({step, usPerMessage: (ms * 1000) / messages.length, share: ms / whole}))
}

/**
 * The linter, loaded lazily: unified, the English parser and the rules are
 * most of the page's weight, so the editor and the counter come up first and
 * underlines appear once this chunk arrives.
 */
import retextEnglish from 'retext-english'
import {unified} from 'unified'
import {VFile} from 'vfile'
import {defineRule, lint, type Phase, type RulesConfig} from '../../src/index.ts'
import type {Target} from './counter.ts'
import type {Problem} from './problems.ts'

export interface Check {
  problems: Problem[]
  /** The phase the wording reads as, whatever phase was chosen. */
  detected: Phase | undefined
}

/**
 * `lint()` keeps the phase it detects inside the engine; the only public
 * window on it is a rule's `doc.phase`. So a rule that reports nothing reads
 * it, run without a given phase so that detection always happens.
 */
const detector = defineRule({
  id: 'playground-phase',
  description: 'Records the phase detected from the wording (reports nothing)',
  severity: 'warn',
  recommended: false,
  messages: {},
  options: {},
  create: () => ({doc, file}) => {
    file.data.detectedPhase = doc.phase
  },
})

declare module 'vfile' {
  interface DataMap {
    detectedPhase: Phase | undefined
  }
}

const detection = unified().use(retextEnglish).use(detector).freeze()

async function detectPhase(text: string): Promise<Phase | undefined> {
  const file = new VFile(text)
  await detection.run(detection.parse(file), file)
  return file.data.detectedPhase
}

export async function check(text: string, target: Target, phase: Phase | undefined): Promise<Check> {
  // A bare object is options at the rule's default severity (an error), as the recommended preset has it.
  const rules: RulesConfig = {'max-length': target === 'page' ? 'off' : {channel: target}}
  const [file, detected] = await Promise.all([lint(text, {rules, ...(phase ? {phase} : {})}), detectPhase(text)])
  const problems = file.messages.flatMap((message): Problem[] => {
    const place = message.place
    if (!place || !('start' in place)) return []
    return [
      {
        start: place.start.offset ?? 0,
        end: place.end.offset ?? place.start.offset ?? 0,
        ruleId: message.ruleId ?? 'liaison',
        messageId: message.messageId ?? '',
        severity: message.fatal ? 'error' : 'warning',
        reason: message.reason,
        note: message.note,
        url: message.url,
        actual: message.actual,
        expected: message.expected ?? [],
      },
    ]
  })
  return {problems, detected}
}

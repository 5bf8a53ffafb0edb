/**
 * The phase of an incident update, as Statuspage names them. Rules read it
 * from the shared doc (`doc.phase`): impact is optional once resolved, a
 * next-update promise is pointless after resolution, and so on.
 */
import {Lexicon} from './match.ts'
import type {Sentence} from './walk.ts'

export const phases = ['investigating', 'identified', 'monitoring', 'resolved'] as const
export type Phase = (typeof phases)[number]

/**
 * Wording that marks each phase. Chosen from the four Statuspage status
 * names and the verbs real updates use for them; a later phase wins, since an
 * update that says "we identified the cause and are monitoring" is past
 * identification.
 */
const markers: Record<Phase, string[]> = {
  investigating: ['investigating', 'looking into', 'aware of', 'under investigation'],
  identified: ['identified', 'found the cause|issue|problem', 'working on a fix', 'implementing a fix', 'root cause'],
  monitoring: [
    'monitoring',
    'fix has been implemented|deployed|applied|released',
    'fix was implemented|deployed|applied|released',
    'deployed|applied|implemented|released a fix',
    'rolled back',
    'recovering',
    'seeing recovery|improvement',
  ],
  resolved: [
    'resolved',
    'has been fixed',
    'is fixed',
    'fully recovered|restored',
    'has|have recovered',
    'back to normal',
    'operating|functioning|working normally',
    'working as expected',
  ],
}

const lexicon = new Lexicon(
  phases.flatMap((phase) => markers[phase].map((phrase) => ({phase, phrase}))),
  (entry) => [entry.phrase],
)

export function isPhase(value: unknown): value is Phase {
  return typeof value === 'string' && (phases as readonly string[]).includes(value)
}

export function detectPhase(sentences: readonly Sentence[]): Phase | undefined {
  let best = -1
  for (const sentence of sentences) {
    for (const match of lexicon.find(sentence)) best = Math.max(best, phases.indexOf(match.entry.phase))
  }
  return best === -1 ? undefined : phases[best]
}

/**
 * The phase of an incident update, as Statuspage names them. Rules read it
 * from the shared doc (`doc.phase`): impact is optional once resolved, a
 * next-update promise is pointless after resolution, and so on.
 *
 * Detection reads the wording, with one lexicon matched in one pass per
 * sentence. On the 180 real-status-update corpus messages labelled with a
 * phase (postmortems as resolved) it agrees with the label 78% of the time,
 * and on resolved-or-not 91%; it is a heuristic, so callers who know the
 * phase should pass it (`lint(text, {phase})`).
 */
import {Lexicon, type PhraseMatch} from '../text/lexicon.ts'
import {entriesOf, type EntryList, wordSet} from '../text/word-lists.ts'
import data from './phase.json' with {type: 'json'}
import {ConfigError} from '../core/options.ts'
import {closest} from '../core/did-you-mean.ts'
import type {Sentence, Word} from '../text/walk.ts'

/** Incident phases, the ones wording can reveal. */
export const phases = ['investigating', 'identified', 'monitoring', 'resolved'] as const
/**
 * Statuspage's scheduled-maintenance statuses. Never detected (planned work
 * reads like an incident in places); they come from a template's
 * `update_status` or `phase`, or from `lint(text, {phase})`.
 */
export const maintenancePhases = ['scheduled', 'in_progress', 'verifying', 'completed'] as const
/** An incident phase: `investigating`, `identified`, `monitoring` or `resolved`. */
export type IncidentPhase = (typeof phases)[number]
/** A Statuspage maintenance status: `scheduled`, `in_progress`, `verifying` or `completed`. */
export type MaintenancePhase = (typeof maintenancePhases)[number]
/** The phase of an update: an incident phase, as Statuspage names them, or a maintenance status. */
export type Phase = IncidentPhase | MaintenancePhase
const allPhases: readonly string[] = [...phases, ...maintenancePhases]

/** Planned work: its end time is a schedule, not an estimate (see docs/templates.md). */
export function isMaintenance(phase: Phase | undefined): phase is MaintenancePhase {
  return phase !== undefined && (maintenancePhases as readonly string[]).includes(phase)
}

/** The phases that end an incident or a maintenance: nothing further is owed after them. */
export function isFinal(phase: Phase | undefined): boolean {
  return phase === 'resolved' || phase === 'completed'
}

interface Marker {
  /** `undefined`: a longer phrase that shadows a marker without being one ("our monitoring systems"). */
  phase: IncidentPhase | undefined
  /**
   * Strong markers are status verbs ("resolved", "are monitoring"). Weak ones
   * describe a state that active incidents also mention about other parts
   * ("other services are operating normally") or look back in time ("may have
   * experienced"); they decide only when no strong marker is present.
   */
  strong: boolean
  phrase: string
}

/**
 * phase.json: chosen from the four Statuspage status names and the verbs real
 * updates use for them, each list with a note on why it is there.
 */
const markerKinds = [...phases, 'none'] as const

function markers(list: EntryList, strong: boolean): Marker[] {
  return entriesOf(list, markerKinds).flatMap(({kind, phrases: listed}) =>
    listed.map((phrase) => ({phase: kind === 'none' ? undefined : kind, strong, phrase})),
  )
}

const lexicon = new Lexicon([...markers(data.strongMarkers, true), ...markers(data.weakMarkers, false)], (marker) => [marker.phrase])
const conditional = wordSet(data.conditional)
const negation = wordSet(data.negation)
const conjunctions = wordSet(data.conjunctions)
const future = wordSet(data.future)
/** How far back a cancelling word may stand: "until the issue is fully resolved". */
const guardWindow = 6

export function isPhase(value: unknown): value is Phase {
  return typeof value === 'string' && allPhases.includes(value)
}

/** Every phase a message can be given, for messages that list them. */
export const phaseNames: readonly Phase[] = allPhases as readonly Phase[]

/**
 * Status-page labels that are no phase of their own, accepted wherever a
 * caller gives one message's phase (`lint()`, `analyze()`, the plugin), so
 * that data copied from a status page needs no mapping: Statuspage's
 * `postmortem` is a write-up after the fact, read as `resolved`; `update`,
 * the label pages show when an update keeps the status, says nothing of the
 * phase, which is then detected from the wording; `maintenance`, planned
 * work, is read as its announcement, `scheduled`, unless its wording says
 * the work is finished ("The maintenance is now complete"): then it is
 * `completed` (see `readGivenPhase`).
 */
export const phaseLabels = {postmortem: 'resolved', update: undefined, maintenance: 'scheduled'} as const satisfies Record<string, Phase | undefined>
/** A status-page label taken as a phase (`phaseLabels` says which, or none for `update`). */
export type PhaseLabel = keyof typeof phaseLabels
/** What a caller may give as one message's phase: a phase, or a label standing for one. */
export type PhaseInput = Phase | PhaseLabel
/** Every accepted phase input, for messages that list them. */
export const phaseInputNames: readonly PhaseInput[] = [...phaseNames, ...(Object.keys(phaseLabels) as PhaseLabel[])]

export function isPhaseInput(value: unknown): value is PhaseInput {
  return isPhase(value) || (typeof value === 'string' && Object.hasOwn(phaseLabels, value))
}

/**
 * A phase as a caller gives it, once labels are read: a phase, or
 * `maintenance`, whose status the wording decides (`readGivenPhase`).
 */
export type GivenPhase = Phase | 'maintenance'

/** The phase a phase input stands for; `maintenance` kept for the wording to decide; `undefined` for `update` (detect it). */
export function phaseOf(input: PhaseInput): GivenPhase | undefined {
  return isPhase(input) || input === 'maintenance' ? input : phaseLabels[input]
}

/**
 * The phase of a message given `given`: the phase itself, and for the
 * `maintenance` label, `completed` when a sentence says the work is over
 * (the wording detects as `resolved`: "Maintenance completed", "The
 * maintenance is now complete"; "once the maintenance is complete" does
 * not), else `scheduled`, a notice of work to come.
 */
export function readGivenPhase(given: GivenPhase, sentences: readonly Sentence[]): Phase {
  if (given !== 'maintenance') return given
  return detectPhase(sentences) === 'resolved' ? 'completed' : phaseLabels.maintenance
}

/**
 * A rule option that lists phases (`phases: ['investigating', …]`), checked
 * once in `create()`: the option schema knows string lists, not which
 * strings, so an unknown phase is reported here, naming rule, option and value.
 */
export function phaseSet(ruleId: string, option: string, values: readonly string[]): Set<Phase> {
  for (const value of values) {
    if (isPhase(value)) continue
    const guess = closest(value, allPhases)
    throw new ConfigError(
      `Rule "${ruleId}": option "${option}" has unknown phase ${JSON.stringify(value)}${guess ? ` (did you mean "${guess}"?)` : ''}; expected any of ${allPhases.join(', ')}`,
    )
  }
  return new Set(values as readonly Phase[])
}

function isCancelled(words: Word[], match: PhraseMatch<Marker>): boolean {
  const resolved = match.entry.phase === 'resolved'
  let pastConjunction = false
  for (let k = match.from - 1; k >= 0 && match.from - k <= guardWindow; k--) {
    // Punctuation ends the clause: "Once deployed, the issue was resolved."
    if (words[k + 1]!.gap) break
    const {norm} = words[k]!
    if (conditional.has(norm) || (resolved && future.has(norm)) || (!pastConjunction && negation.has(norm))) return true
    if (conjunctions.has(norm)) pastConjunction = true
  }
  return false
}

/**
 * Whether some sentence says `phase` in so many words (a strong or weak
 * marker, not negated or conditional), whatever phase the whole message
 * reads as: "Service is restored; we will keep monitoring" mentions resolved.
 */
export function mentionsPhase(sentences: readonly Sentence[], phase: IncidentPhase): boolean {
  return sentences.some((sentence) => lexicon.find(sentence).some((match) => match.entry.phase === phase && !isCancelled(sentence.words, match)))
}

export function detectPhase(sentences: readonly Sentence[]): IncidentPhase | undefined {
  let strongest = -1
  let weakest = -1
  for (const sentence of sentences) {
    for (const match of lexicon.find(sentence)) {
      const {phase, strong: isStrong} = match.entry
      if (!phase || isCancelled(sentence.words, match)) continue
      const rank = phases.indexOf(phase)
      if (isStrong) strongest = Math.max(strongest, rank)
      else weakest = Math.max(weakest, rank)
    }
  }
  const best = strongest === -1 ? weakest : strongest
  return best === -1 ? undefined : phases[best]
}

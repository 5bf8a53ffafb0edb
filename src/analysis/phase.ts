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

type Markers = Partial<Record<IncidentPhase | 'none', string[]>>

/**
 * Chosen from the four Statuspage status names and the verbs real updates use
 * for them. Among strong markers the latest phase wins: an update that says
 * "we identified the cause and are monitoring" is past identification.
 */
const strong: Markers = {
  investigating: [
    'investigating',
    'investigate',
    'investigation',
    'looking into',
    'look into',
    'aware of|that',
    'are|were aware',
    "we're aware",
    'reports of',
    'assessing',
  ],
  identified: [
    'identified',
    'found|discovered|isolated|determined the cause|source|issue|problem|culprit',
    'found|discovered|isolated|determined the root cause',
    'working|work on|towards|toward a|the fix',
    'implementing|deploying|developing|testing|preparing|validating|releasing|applying a|the fix|mitigation|patch|workaround',
    'rolling out a|the fix|mitigation|patch',
    'fix is being implemented|deployed|developed|tested|prepared|applied|released|rolled',
    'fix is in progress',
    'fix is underway',
    'mitigation work|efforts',
    'rolling back',
    'reverting',
  ],
  monitoring: [
    'monitoring',
    "to|will|we'll|closely|actively monitor",
    'watching for|closely',
    'fix|fixes|mitigation|mitigations|patch has|have been implemented|deployed|applied|released|rolled|shipped|pushed',
    'fix|fixes|mitigation|patch was|were implemented|deployed|applied|released|rolled|shipped|pushed',
    'fix|fixes|mitigation|patch has|have rolled',
    'fix|mitigation|patch implemented|deployed|applied',
    'fix|mitigation|patch is deployed|live|applied|released|out',
    'fix|mitigation|patch in place',
    'implemented|deployed|applied|released|shipped|pushed a|the fix|mitigation|patch|change|workaround',
    'rolled out a|the fix|mitigation|patch|change',
    'implemented|deployed|applied mitigations|fixes',
    'mitigated',
    'rolled back',
    'reverted',
    'recovering',
    'recovery is in progress',
    'recovery is underway',
    'seeing|observing|noticing recovery|improvement|improvements',
    'signs of recovery',
    'beginning|starting|begun|started to recover',
    'returning to normal',
    'stabilizing|stabilising|stabilized|stabilised',
  ],
  resolved: [
    'resolved',
    'fixed',
    'fully restored|recovered',
    'fully operational',
    'no further issues|errors|impact',
    'incident is over',
    'impact is over',
    'back to normal',
    'up and running',
    'all clear',
    'closing|closed this|the incident',
    'incident is|has been closed',
  ],
}

const weak: Markers = {
  investigating: ['experiencing', 'detected', 'working|work to resolve|mitigate|restore|fix|address|remediate', 'working|work towards|toward resolution|recovery'],
  resolved: [
    'returned to normal',
    'operating|functioning|working|performing|running|processing normally|correctly',
    'operating|functioning|working|performing|running|processing as expected|normal|usual',
    'is|are operational',
    'caught up',
    // Often said of one part while the rest is still broken ("EU access has been restored").
    'restored',
    'recovered',
    'subsided',
    'may|might|would|could have experienced|encountered|seen|noticed|observed|been',
    'experienced',
  ],
  none: [
    // Noun uses of "monitoring", and asking customers to watch the status page.
    'our|the monitoring',
    'monitoring system|systems|tool|tools|alert|alerts|data|dashboards|service|services|checks|shows|showed|detected',
    'synthetic monitoring',
    'to monitor this|our page|status',
    'please monitor',
    'please continue to monitor',
  ],
}

/**
 * Words before a marker, in the same clause, that make it conditional or
 * negated: "until this is resolved", "not yet identified", "once a fix is
 * deployed". Only resolution is also announced ahead of time ("will be
 * resolved", "expected to be restored", "can be fixed by restarting") or
 * while on the way ("recovering back to normal"), so those words cancel
 * resolved markers only; "we will continue monitoring" is still monitoring.
 */
const conditional = new Set([
  ...['until', 'once', 'when', 'whenever', 'if', 'unless', 'before', 'soon', 'whether'],
  ...['ensure', 'sure', 'confirm', 'verify'],
])
/** Negation reaches only its own verb phrase: "we have not found the cause and are investigating" is investigating. */
const negation = new Set([
  ...['not', 'never', 'yet', 'no', 'without'],
  ...["isn't", "aren't", "wasn't", "weren't", "hasn't", "haven't", "hadn't", "won't", "don't", "doesn't", "didn't"],
])
const conjunctions = new Set(['and', 'but', 'while', 'so', 'or'])
const future = new Set([
  ...['will', "we'll", "it'll", "they'll", 'to', 'should', 'shall', 'would', 'could', 'can', 'may', 'might'],
  ...['expect', 'expects', 'expected', 'expecting', 'hope', 'hopefully', 'aim', 'going', 'partially', 'partly'],
  // On the way, not there: "recovering back to normal", "almost fully restored".
  ...['recovering', 'returning', 'getting', 'coming', 'way', 'almost', 'nearly', 'closer'],
])
/** How far back a cancelling word may stand: "until the issue is fully resolved". */
const guardWindow = 6

function entries(markers: Markers, isStrong: boolean): Marker[] {
  return Object.entries(markers).flatMap(([phase, list]) =>
    list.map((phrase) => ({phase: phase === 'none' ? undefined : (phase as IncidentPhase), strong: isStrong, phrase})),
  )
}

const lexicon = new Lexicon([...entries(strong, true), ...entries(weak, false)], (marker) => [marker.phrase])

export function isPhase(value: unknown): value is Phase {
  return typeof value === 'string' && allPhases.includes(value)
}

/** Every phase a message can be given, for messages that list them. */
export const phaseNames: readonly Phase[] = allPhases as readonly Phase[]

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

/**
 * phase-order: an incident's phases go forward (investigating → identified →
 * monitoring → resolved; scheduled → in progress → verifying → completed).
 * An update that steps back must say why ("the fix did not hold", "errors
 * have returned"); phase-order.json lists the wording that explains. Only the
 * phases the data gives are compared: detected phases are a reading of the
 * wording and would make steps out of word choice.
 */
import {defineRule} from '../src/engine/define-rule.ts'
import {maintenancePhases, type Phase, phases} from '../src/analysis/phase.ts'
import {readsLanguage} from '../src/analysis/language.ts'
import {findPromises} from '../src/analysis/time/promises.ts'
import {guardedBy, Lexicon} from '../src/text/lexicon.ts'
import {firstSentence, type UpdateView} from '../src/engine/incident.ts'
import {entriesOf, wordSet} from '../src/text/word-lists.ts'
import data from './phase-order.json' with {type: 'json'}

const languages = ['eng'] as const
const reasons = new Lexicon(entriesOf(data.reasons, ['reason']), (entry) => entry.phrases)
const guards = wordSet(data.guards)
/** How far back in its clause a guard word reaches: "we do not see any further errors". */
const guardWindow = 6

/** Each phase's family (incident or maintenance) and its place in it. */
function rankOf(phase: Phase): {family: string; rank: number} {
  const incident = (phases as readonly string[]).indexOf(phase)
  return incident === -1 ? {family: 'maintenance', rank: (maintenancePhases as readonly string[]).indexOf(phase)} : {family: 'incident', rank: incident}
}

/**
 * The update says why it steps back: a reason phrase that no word before it
 * in its clause negates, puts ahead or wards off ("not seeing new reports",
 * "once verified again", "to prevent a recurrence"), in a sentence that is
 * not itself a promise of an update ("we will post again").
 */
function explains(update: UpdateView): boolean {
  return update.doc.sentences.some(
    (sentence) => reasons.find(sentence).some((match) => !guardedBy(sentence.words, match.from, guards, guardWindow)) && findPromises(sentence).length === 0,
  )
}

export const phaseOrder = defineRule({
  id: 'phase-order',
  description: 'An incident moves forward through its phases, or says why it steps back',
  severity: 'warn',
  recommended: true,
  scope: 'incident',
  // The reasons are read in English; on an update in another language a step back is left alone.
  languages,
  messages: {
    stepBack:
      'The incident goes back from {from} to {to} without saying why: customers told it was {from} now wonder what went wrong. Say what changed, e.g. "The fix did not hold and errors have returned."',
  },
  note: 'Customers read the phase as progress. A step back is normal when a fix does not hold, but unexplained it looks like confusion, and customers who stood down after "monitoring" need to know the problem is back.',
  options: {},
  create() {
    return ({incident, report}) => {
      let previous: UpdateView | undefined
      incident!.updates.forEach((update, index) => {
        if (!update.status) return
        const before = previous?.status
        previous = update
        const now = rankOf(update.status)
        // A maintenance and an incident are two sequences: only a step back within one counts.
        const stepsBack = before !== undefined && rankOf(before).family === now.family && now.rank < rankOf(before).rank
        if (stepsBack && readsLanguage(languages, update.doc.language) && !explains(update)) {
          report({messageId: 'stepBack', ...firstSentence(update), update: index, data: {from: before, to: update.status}, scope: 'message'})
        }
        previous = update
      })
    }
  },
})

/**
 * require-resolution: an incident ends with a resolved update that says the
 * service is back. Two checks: an incident whose last update is not resolved
 * and is older than `hours` was left open (customers still see it as
 * ongoing, or never learn it ended); and a resolved update whose wording does
 * not say the problem is over ("We deployed a fix.") leaves customers to
 * guess. "Says it is over" is the phase detector's reading
 * (src/analysis/phase.ts), require-resolution.json's ways of saying it
 * works again, or a closed window of impact ("between 09:00 and 09:45 UTC").
 */
import {defineRule} from '../src/engine/define-rule.ts'
import {isFinal, mentionsPhase} from '../src/analysis/phase.ts'
import {readsLanguage} from '../src/analysis/language.ts'
import {describeGap} from '../src/analysis/time/spans.ts'
import {findTimes} from '../src/analysis/time/expressions.ts'
import {looksAhead} from '../src/analysis/time/clauses.ts'
import {guardedBy, Lexicon} from '../src/text/lexicon.ts'
import type {Doc} from '../src/engine/doc.ts'
import {firstSentence} from '../src/engine/incident.ts'
import {entriesOf, wordSet} from '../src/text/word-lists.ts'
import data from './require-resolution.json' with {type: 'json'}

const languages = ['eng'] as const
const backPhrases = new Lexicon(entriesOf(data.backPhrases, ['back']), (entry) => entry.phrases)
const guards = wordSet(data.guards)
/** How far back in its clause a guard word reaches: "will not be fully available". */
const guardWindow = 6

/**
 * A sentence that dates the impact to a window that ended ("Between 00:31
 * and 03:37 UTC, the service was degraded"), as postmortem-style resolved
 * updates do: the end of the window is when service came back. Not a window
 * ahead ("will run between 22:00 and 23:00").
 */
function reportsClosedWindow(doc: Doc): boolean {
  // Only the words before the window decide whether it lies ahead: "will run between …".
  return doc.sentences.some((sentence) =>
    findTimes(sentence).some((time) => time.window && time.frame === 'fact' && (time.from === 0 || !looksAhead(sentence.words, 0, time.from - 1))),
  )
}

/**
 * The update says the service is back: resolved wording the phase detector
 * reads, or a phrase from require-resolution.json that no word before it in
 * its clause negates or puts ahead.
 */
function saysBack(doc: Doc): boolean {
  if (mentionsPhase(doc.sentences, 'resolved') || reportsClosedWindow(doc)) return true
  return doc.sentences.some((sentence) => backPhrases.find(sentence).some((match) => !guardedBy(sentence.words, match.from, guards, guardWindow)))
}

export const requireResolution = defineRule({
  id: 'require-resolution',
  description: 'An incident ends with a resolved update that says service is back',
  severity: 'warn',
  recommended: true,
  scope: 'incident',
  // The "service is back" check reads English wording; the open-incident check reads only the data.
  languages,
  messages: {
    open: 'The incident was left open: its last update ({phase}) is {age} old. Customers still see it as ongoing; post a resolved update that says service is back, or a new update if it is not.',
    unstated:
      'This update resolves the incident but does not say the service is back: customers are left to guess whether it works now. Say so plainly, e.g. "Logins are working normally again."',
  },
  note: 'The resolved update is the one customers wait for. An incident left open keeps a red banner on the status page and erodes trust in it; a resolved update that only says what the team did ("We rolled back the release") leaves customers to check for themselves whether it works.',
  options: {
    hours: {
      type: 'number',
      default: 24,
      min: 0,
      description: 'How old the last update of an incident that is not resolved may be, in hours, before the incident counts as left open',
    },
  },
  create(options) {
    const limit = options.hours! * 3_600_000
    return ({incident, report}) => {
      const {updates, now} = incident!
      const lastIndex = updates.length - 1
      const last = updates[lastIndex]
      if (!last) return
      const phase = last.status ?? last.doc.phase
      // A maintenance still scheduled is planned work ahead, not an incident left open.
      if (!isFinal(phase) && phase !== 'scheduled' && now - last.time > limit) {
        report({
          messageId: 'open',
          ...firstSentence(last),
          update: lastIndex,
          data: {phase: phase ?? 'no phase given', age: describeGap(now - last.time)},
          scope: 'message',
        })
      }
      updates.forEach((update, index) => {
        // Only a status the data gives (a detected "resolved" already read the wording as resolved),
        // and only the update that resolves: later resolved notes ("the postmortem is published") follow one that said it.
        if (update.status !== 'resolved' || updates[index - 1]?.status === 'resolved') return
        if (!readsLanguage(languages, update.doc.language) || saysBack(update.doc)) return
        report({messageId: 'unstated', ...firstSentence(update), update: index, scope: 'message'})
      })
    }
  },
})

/**
 * keep-update-promises: the next update comes when the previous one said it
 * would. An update that promises the next one with a time ("Next update in
 * 30 minutes", "We will update by 14:30 UTC") sets a due time; the next
 * update must come by then, plus a grace period. Promise detection is the
 * engine's (findPromises, the same require-next-update reads) and the due
 * time comes from src/analysis/time/deadline.ts, both read through
 * firstTimedPromise (src/engine/incident.ts), as max-update-gap does.
 */
import {defineRule} from '../src/engine/define-rule.ts'
import {isFinal} from '../src/analysis/phase.ts'
import {readsLanguage} from '../src/analysis/language.ts'
import {describeGap, describeInstant} from '../src/analysis/time/spans.ts'
import {firstTimedPromise} from '../src/engine/incident.ts'

const languages = ['eng'] as const

export const keepUpdatePromises = defineRule({
  id: 'keep-update-promises',
  description: 'The next update comes by the time the previous one promised',
  severity: 'warn',
  recommended: true,
  scope: 'incident',
  // Promises are read in English wording: updates in other languages are left alone.
  languages,
  messages: {
    late: 'This update promised the next one {when} (due {due}), but it came {late} late, at {next}: customers who came back on time found nothing new. Post when you said you would, even with no news, or promise a time you can keep.',
    missing:
      'This update promised the next one {when} (due {due}), but none followed: {late} have passed since. Customers were left waiting; post an update, or close the incident if it is over.',
  },
  note: 'A promised next update is a commitment customers plan around: they stop refreshing, tell their own users when to expect news, and hold off on tickets. A promise that slips silently costs more trust than no promise at all.',
  options: {
    graceMinutes: {
      type: 'number',
      default: 5,
      min: 0,
      description: 'Minutes the next update may come after the promised time before it counts as late',
    },
  },
  create(options) {
    const grace = options.graceMinutes! * 60_000
    return ({incident, report}) => {
      const {updates, now} = incident!
      updates.forEach((update, index) => {
        if (isFinal(update.status ?? update.doc.phase) || !readsLanguage(languages, update.doc.language)) return
        const promised = firstTimedPromise(update)
        if (!promised) return
        const {deadline} = promised
        const next = updates.slice(index + 1).find((later) => later.time > update.time)
        const arrived = next?.time ?? now
        if (arrived <= deadline.at + grace) return
        const data = {when: deadline.time.text, due: describeInstant(deadline.at, update.time), late: describeGap(arrived - deadline.at)}
        const place = {start: promised.start, end: promised.end, update: index}
        if (next) report({messageId: 'late', ...place, data: {...data, next: describeInstant(next.time, update.time)}})
        else report({messageId: 'missing', ...place, data})
      })
    }
  },
})

/**
 * first-update-speed: the first public update comes soon after the incident
 * started. Needs the start time from the data (Statuspage's `started_at`);
 * without one there is nothing to measure. Off by default: how fast is fast
 * enough is a team's own commitment, set with `minutes`.
 */
import {defineRule} from '../src/engine/define-rule.ts'
import {describeGap} from '../src/analysis/time/spans.ts'
import {firstSentence} from '../src/engine/incident.ts'

export const firstUpdateSpeed = defineRule({
  id: 'first-update-speed',
  description: 'The first update is posted soon after the incident started',
  severity: 'warn',
  recommended: false,
  scope: 'incident',
  messages: {
    slow: 'The first update came {gap} after the incident started, more than the {limit} your team allows: customers found the problem before they found you. Post a short first update as soon as you know, e.g. "We are investigating failed logins. Next update in 30 minutes."',
  },
  note: 'The first minutes decide whether customers hear about an incident from you or from their own failures. A short, early first update ("We are investigating") stops duplicate tickets and shows the team is on it.',
  options: {
    minutes: {
      type: 'number',
      default: 30,
      min: 0,
      description: 'Minutes after the incident started by which the first update must be posted',
    },
  },
  create(options) {
    const limit = options.minutes! * 60_000
    return ({incident, report}) => {
      const {updates, startedAt} = incident!
      const first = updates[0]
      if (startedAt === undefined || !first || first.time - startedAt <= limit) return
      report({
        messageId: 'slow',
        ...firstSentence(first),
        update: 0,
        data: {gap: describeGap(first.time - startedAt), limit: describeGap(limit)},
        scope: 'message',
      })
    }
  },
})

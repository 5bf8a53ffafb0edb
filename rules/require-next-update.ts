/**
 * require-next-update: an open-incident update says when the next one comes,
 * and a scheduled-maintenance announcement says when the work happens.
 *
 * Works on the message as a whole: one promise anywhere ("Next update in 30
 * minutes", "We will post an update as soon as we know more") is enough.
 * Promise detection is the engine's (src/analysis/time/promises.ts), the same that
 * no-resolution-estimate uses to let "We will post an update by 16:00 UTC"
 * pass.
 */
import {defineRule} from '../src/engine/define-rule.ts'
import {ConfigError} from '../src/core/options.ts'
import {phases} from '../src/analysis/phase.ts'
import {placeholderKind} from '../src/analysis/placeholder-kinds.ts'
import {findPromises} from '../src/analysis/time/promises.ts'
import {findTimes} from '../src/analysis/time/expressions.ts'
import {nameParts, type PlaceholderInfo} from '../src/text/placeholders.ts'
import type {Doc} from '../src/engine/doc.ts'
import {isRetrospective} from '../src/analysis/time/retrospective.ts'

/** Phases the option accepts: open ones, messages whose phase is neither given nor detected, and announced maintenance. */
const checkable = [...phases.filter((phase) => phase !== 'resolved'), 'undetected', 'scheduled'] as const

/**
 * Whether an announcement says when the work happens: a clock time or a day
 * in its words ("on Saturday from 02:00 to 04:00 UTC", "tonight at 23:00"),
 * or a placeholder for one ("on [date]", "from {{start_time}}"). How long it
 * takes ("about 2 hours", "[duration]") is no start.
 */
function statesWindow(doc: Doc): boolean {
  const length = (slot: PlaceholderInfo | undefined) => slot !== undefined && nameParts(slot.name ?? '').includes('duration')
  return doc.sentences.some(
    (sentence) =>
      findTimes(sentence).some((time) => (time.kind === 'clock' || time.kind === 'day') && !length(time.slot)) ||
      (sentence.placeholders ?? []).some((slot) => placeholderKind(slot.placeholder) === 'time' && !length(slot.placeholder)),
  )
}

export const requireNextUpdate = defineRule({
  id: 'require-next-update',
  description: 'Open-incident updates say when the next update will come; maintenance announcements say when the work happens',
  severity: 'warn',
  recommended: false,
  // Reads English wording: on a message in another language the engine skips it.
  languages: ['eng'],
  // A headline carries no schedule; the update under it does.
  scope: 'message',
  messages: {
    missing:
      'No next update is promised: customers left without one keep refreshing the page or open tickets. Say when they will hear from you again, e.g. "We will provide another update within 30 minutes."',
    untimed:
      '"{promise}" promises an update without saying when; give a time customers can plan around, e.g. "We will provide another update within 30 minutes."',
    missingWindow:
      'The announcement does not say when the work happens: customers plan around the window, not around its length. Give the start and end, e.g. "on Saturday 14 June from 02:00 to 04:00 UTC."',
  },
  note: 'During an incident, customers decide whether to wait, work around or escalate based on when they will hear from you next. A promised time ("Next update in 30 minutes") stops the page refreshes and the duplicate tickets, and it is a promise you control, unlike a fix time.',
  options: {
    phases: {
      type: 'string[]',
      default: checkable,
      description:
        'Phases the rule checks: "investigating", "identified", "monitoring", "undetected" for messages whose phase is neither given nor found in the wording, and "scheduled" for maintenance announcements (their window, not a next update)',
    },
    requireTime: {
      type: 'boolean',
      default: false,
      description: 'Also report a promise without a time ("as soon as we know more", "shortly")',
    },
  },
  create(options) {
    for (const phase of options.phases) {
      if (!(checkable as readonly string[]).includes(phase)) {
        const why = phase === 'resolved' ? '; resolved updates never need a next update' : ''
        throw new ConfigError(
          `Rule "require-next-update": option "phases" has unknown phase ${JSON.stringify(phase)} (expected ${checkable.map((p) => JSON.stringify(p)).join(', ')}${why})`,
        )
      }
    }
    const checked = new Set<string>(options.phases)
    return ({doc, report}) => {
      const first = doc.sentences[0]
      if (!first || doc.phase === 'resolved' || !checked.has(doc.phase ?? 'undetected')) return
      // An announcement states its window instead of a next update (docs/templates.md, Maintenance).
      if (doc.phase === 'scheduled') {
        if (!statesWindow(doc)) report({messageId: 'missingWindow', start: first.start, end: first.end})
        return
      }
      // Without a phase from the caller, a report of a closed past window is read as resolved.
      if (doc.phaseSource !== 'given' && isRetrospective(doc.sentences)) return
      // A template's next-update slot ("[When we'll share the next update.]") is the promise, with its time.
      if (doc.sentences.some((sentence) => sentence.placeholders?.some((slot) => placeholderKind(slot.placeholder) === 'next-update'))) return
      const promises = doc.sentences.flatMap((sentence) => findPromises(sentence))
      if (promises.length === 0) {
        report({messageId: 'missing', start: first.start, end: first.end})
        return
      }
      if (!options.requireTime || promises.some((promise) => promise.times.some((time) => !time.vague))) return
      const {clause} = promises[0]!
      const promise = doc.text.slice(clause.start, clause.end)
      report({messageId: 'untimed', start: clause.start, end: clause.end, data: {promise}})
    }
  },
})

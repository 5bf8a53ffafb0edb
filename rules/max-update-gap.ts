/**
 * max-update-gap: an incident in progress is updated at a steady pace. After
 * an update that names no time for the next one, the next update must come
 * within `minutes` while the incident is investigating or identified, and
 * within `monitoringMinutes` while it is monitoring: a status page that goes
 * quiet reads as a team that gave up. The limits follow published cadence
 * guidance (every 15–60 minutes while the cause is open, every 1–2 hours
 * while monitoring), at its loose end, so the rule reports real silences.
 *
 * An update that promises the next one with a time ("Next update in 2
 * hours") is left to keep-update-promises: the team told customers when to
 * look, and that rule judges whether it kept its word. The silence after the
 * last update of an open incident is require-resolution's (left open).
 */
import {defineRule} from '../src/engine/define-rule.ts'
import {isFinal, isMaintenance, type Phase} from '../src/analysis/phase.ts'
import {readsLanguage} from '../src/analysis/language.ts'
import {describeGap, describeInstant} from '../src/analysis/time/spans.ts'
import {firstSentence, firstTimedPromise} from '../src/engine/incident.ts'

// Promises are read in English wording: an update in another language may have made one, so it is left alone.
const languages = ['eng'] as const

export const maxUpdateGap = defineRule({
  id: 'max-update-gap',
  description: 'An incident in progress is updated at a steady pace',
  severity: 'warn',
  recommended: true,
  scope: 'incident',
  languages,
  messages: {
    silent:
      'Customers heard nothing for {gap} after this {phase} update (the next came at {next}), longer than the {limit} allowed while an incident is {phase}. Post short updates at a steady pace, even with no news, or say when the next one comes: "Next update in 30 minutes."',
  },
  note: 'Silence during an incident reads as a team that is lost or gone. Customers do not need news in every update; they need to see that someone is on it, at a pace they can plan around.',
  options: {
    minutes: {
      type: 'number',
      default: 60,
      min: 1,
      description: 'Longest silence, in minutes, after an investigating or identified update (or one whose phase is unknown) that names no time for the next',
    },
    monitoringMinutes: {
      type: 'number',
      default: 120,
      min: 1,
      description: 'Longest silence, in minutes, after a monitoring update that names no time for the next',
    },
  },
  create(options) {
    const limits = {open: options.minutes! * 60_000, monitoring: options.monitoringMinutes! * 60_000}
    /** The silence allowed after an update in `phase`; undefined where pace is not judged (resolved, planned work). */
    const limitFor = (phase: Phase | undefined) => (isFinal(phase) || isMaintenance(phase) ? undefined : phase === 'monitoring' ? limits.monitoring : limits.open)
    return ({incident, report}) => {
      const {updates} = incident!
      updates.forEach((update, index) => {
        const phase = update.status ?? update.doc.phase
        const limit = limitFor(phase)
        // The very next update, even one posted the same minute: two updates at once leave no silence between them.
        const next = updates[index + 1]
        if (limit === undefined || !next || next.time - update.time <= limit) return
        if (!readsLanguage(languages, update.doc.language) || firstTimedPromise(update) !== undefined) return
        report({
          messageId: 'silent',
          ...firstSentence(update),
          update: index,
          data: {gap: describeGap(next.time - update.time), phase: phase ?? 'open', next: describeInstant(next.time, update.time), limit: describeGap(limit)},
          scope: 'message',
        })
      })
    }
  },
})

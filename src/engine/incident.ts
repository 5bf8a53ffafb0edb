/**
 * What a rule scoped to a whole incident (`scope: 'incident'`) sees: every
 * update in time order, each with its file and the same doc message rules
 * read, plus the times that matter, already parsed to milliseconds. Built by
 * `lintIncident()` (src/lint-incident.ts); the engine only routes
 * reports to the update they name.
 */
import type {VFile} from 'vfile'
import type {Phase} from '../analysis/phase.ts'
import {type Deadline, promiseDeadline} from '../analysis/time/deadline.ts'
import {findPromises} from '../analysis/time/promises.ts'
import type {Doc} from './doc.ts'

/** One update of the incident, as incident rules read it. */
export interface UpdateView {
  /** The update's id in the source, when it has one. */
  readonly id: string | undefined
  /** Where the update stood in the incident's `updates` list (updates may come in any order). */
  readonly index: number
  /** When it was posted, in milliseconds since the epoch. */
  readonly time: number
  /** The offset it was posted with, in minutes east of UTC: the zone of a clock time that names none. */
  readonly offset: number
  /** The phase the data gives; undefined when the source has none. */
  readonly status: Phase | undefined
  /** The update's file: its reports land here. */
  readonly file: VFile
  /** The update's doc: sentences, words, phase (the given status, else detected). */
  readonly doc: Doc
}

/** A whole incident, for incident rules. */
export interface IncidentView {
  readonly title: string
  /** Every update, oldest first (ties keep the source's order). */
  readonly updates: readonly UpdateView[]
  /** When the incident started, in milliseconds, when the source says. */
  readonly startedAt: number | undefined
  /** The time the incident is judged at (`lintIncident`'s `now`), in milliseconds. */
  readonly now: number
}

/**
 * Where a report about a whole update goes, as message rules place theirs
 * (require-next-update): its first sentence, or the start of an empty body.
 */
export function firstSentence(update: UpdateView): {start: number; end: number} {
  const first = update.doc.sentences[0]
  return {start: first?.start ?? 0, end: first?.end ?? 0}
}

/** A promise of the next update that says when, as incident rules hold an update to it. */
export interface TimedPromise {
  /** When the next update is due. */
  readonly deadline: Deadline
  /** The clause that makes the promise ("We will post an update by 15:30 UTC"), as offsets in the body, without the full stop after it. */
  readonly start: number
  readonly end: number
}

/**
 * The first promise of `update` that names a time for the next one ("Next
 * update in 30 minutes", "by 15:30 UTC"), read by the engine's promise
 * detector (the one require-next-update uses) and dated from the update's own
 * time and offset. keep-update-promises holds the update to it;
 * max-update-gap leaves a silence it covers alone.
 */
export function firstTimedPromise(update: UpdateView): TimedPromise | undefined {
  for (const sentence of update.doc.sentences) {
    for (const promise of findPromises(sentence)) {
      const deadline = promiseDeadline(sentence, promise, update.time, update.offset)
      if (!deadline) continue
      const {start} = promise.clause
      let {end} = promise.clause
      while (end > start && '.!?'.includes(update.doc.text[end - 1]!)) end--
      return {deadline, start, end}
    }
  }
  return undefined
}

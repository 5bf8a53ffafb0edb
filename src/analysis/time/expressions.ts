/**
 * Time expressions in a sentence's words: "in 30 minutes", "by 3:00 PM PST",
 * "tomorrow", "shortly", each with how the sentence frames it (ahead, fact,
 * cadence). no-resolution-estimate and require-next-update read them, with
 * the clauses (clauses.ts) and update promises (promises.ts) around them.
 *
 * Everything works on the words of the shared doc walk, left to right, with
 * small anchored regexes on single tokens ("18:00", "3pm", "2-3") only.
 * A date parser (chrono-node) was measured and left out: it resolves points
 * in time, but these rules need the framing it drops ("since", "for",
 * "every", "up to", "next update"), and it misses "within the hour", "EOD"
 * and "shortly"; see rules/no-resolution-estimate.md.
 */
import type {Sentence} from '../../text/walk.ts'
import type {PlaceholderInfo} from '../../text/placeholders.ts'
import {type Core, ShapeReader, type TimeKind} from './shapes.ts'
import {slotCore, timeSlots, withOpener} from './slots.ts'
import {
  aheadLeads, approximationsByLast, bare, beForms, cadenceLeads, estimateWords, factFollowers, factLeads, forwardDays, forwardLeads,
  impactLeads, impactNouns, isPastVerb, isTimeAnchor, mayStartTime, orderWords, pastCopulas, pastSubjects, spanLeads, twoWordLeads,
} from './vocabulary.ts'

export type {TimeKind} from './shapes.ts'

/**
 * How the sentence frames a time:
 * - `ahead`: may point forward ("in 30 minutes", "by 3pm", "tomorrow"); whether
 *   it does depends on the clause's verbs, which the rules check.
 * - `fact`: when something started or happened, or how long or large it is
 *   ("since 14:02", "between 9 and 10", "for 30 minutes", "delays of up to 5 minutes").
 * - `cadence`: "every 30 minutes".
 */
export type TimeFrame = 'ahead' | 'fact' | 'cadence'

/** A time in a sentence ("in 30 minutes", "by 16:00 UTC", "shortly"): its kind, framing and place. */
export interface TimeExpression {
  kind: TimeKind
  frame: TimeFrame
  /** No quantity or clock at all: "shortly", "soon", "before long". */
  vague: boolean
  /** A window between two clock times: "between 09:00 and 09:45 UTC", "from 13:05 to 13:40". */
  window: boolean
  /** The preposition or cue that frames it, lower-cased ("in", "by", "as of", "eta"); undefined when bare. */
  lead: string | undefined
  /** Word indices in `sentence.words`, the lead included when it is a preposition. */
  from: number
  to: number
  /** Offsets of the reported span: "in about 20 minutes", "by 3:00 PM PST", "~07:00 UTC". */
  start: number
  end: number
  /** Offset where the time proper starts, after its preposition ("about 20 minutes"). */
  coreStart: number
  text: string
  /** A template placeholder stands for the time: "by [time]", "Next update: <UTC timestamp>", "ETA: [if known]". */
  slot?: PlaceholderInfo
}

/** The parser: shapes (shapes.ts) with how the sentence frames them. */
class Reader extends ShapeReader {
  readonly slots = timeSlots(this.sentence)

  /** A template placeholder at word `i` that stands for a time (slots.ts). */
  slot(i: number): Core | undefined {
    return slotCore(this, this.slots, i)
  }

  /** Approximations ending just before word `i`: index of their first word, or `i`. */
  approximationStart(i: number): number {
    let at = i
    for (;;) {
      if (!this.joined(at, withOpener(this.slots, at, '~≈'))) return at
      const found = approximationsByLast.get(this.w(at - 1))?.find((phrase) => at >= phrase.length && this.spells(at - phrase.length, phrase))
      if (!found) return at
      at -= found.length
    }
  }

  /** The lead before word `i` ("in", "as of", "no later than", "ETA:"), as [name, index of its first word]. */
  lead(i: number): [string, number] | undefined {
    // Only "ETA" may stand before a colon: "ETA: 2 hours".
    const one = this.joined(i, withOpener(this.slots, i, '~≈')) ? this.w(i - 1) : this.joined(i, withOpener(this.slots, i, '~≈:')) && this.w(i - 1) === 'eta' ? 'eta' : ''
    const two = this.joined(i - 1) ? `${this.w(i - 2)} ${one}` : ''
    if (two === 'later than' && this.nx(i - 2) && this.w(i - 3) === 'no') return ['no later than', i - 3]
    if (twoWordLeads.has(two)) return [two, i - 2]
    return aheadLeads.has(one) || factLeads.has(one) || cadenceLeads.has(one) ? [one, i - 1] : undefined
  }

  frame(lead: string | undefined, leadAt: number, core: Core, approximationAt: number, coreAt: number): TimeFrame {
    // "about 10 minutes per region" is a rate, not an end.
    if (core.kind === 'duration' && cadenceLeads.has(this.nx(core.next))) return 'fact'
    if (lead === undefined) {
      // "delays up to 10 minutes" bounds the impact; "estimating up to 12 hours" predicts.
      if (this.spells(approximationAt, ['up', 'to'])) return estimateWords.has(this.w(approximationAt - 1)) ? 'ahead' : 'fact'
      if (core.kind === 'duration' && this.sizesImpact(core.next, approximationAt)) return 'fact'
      // "Email delivery delayed 10-30 minutes": how late, not when it ends; "the fix will be delayed 2 hours" may still predict.
      if (core.kind === 'duration' && this.joined(approximationAt) && impactLeads.has(this.w(approximationAt - 1)) && !beForms.has(this.w(approximationAt - 2))) return 'fact'
      // "Issue detected: 10:15 AM PST", "Started: 14:02 UTC": a label naming what happened; "Expected: 16:00" looks ahead.
      if (this.eventLabel(approximationAt)) return 'fact'
      // "The ETA was 2 hours": what was said or measured then, not a prediction now.
      if (pastCopulas.has(this.w(approximationAt - 1)) && this.joined(approximationAt)) return 'fact'
      // "09:15: Initial ETA missed": a timestamp that labels a line of a timeline.
      if (core.kind === 'clock' && approximationAt === 0 && core.next < this.words.length && this.between(core.next).trimStart().startsWith(':')) return 'fact'
    } else if (cadenceLeads.has(lead)) return 'cadence'
    // "between 8:00pm and 10:00pm tonight", "after noon tomorrow": a window or start that is still to come.
    else if (forwardLeads.has(lead) && this.forward(coreAt, core.next)) return 'ahead'
    // "an ETA of 90 minutes", "a target resolution time of 16:00 UTC"; not "delays of 90 minutes".
    else if (lead === 'of') return [1, 2, 3].some((back) => estimateWords.has(this.w(leadAt - back))) && !core.past ? 'ahead' : 'fact'
    // "over the next 6 hours" looks ahead; "over 2 hours", "over the past day" do not.
    else if (lead === 'over') return orderWords.has(this.w(coreAt)) || this.w(coreAt) === 'the' ? (core.past ? 'fact' : 'ahead') : 'fact'
    // "disruption for the next 24 hours" and "estimated for tomorrow" look ahead; "for 30 minutes" and "for the last hour" do not.
    else if (lead === 'for' && !core.past && (this.w(coreAt) === 'the' || orderWords.has(this.w(coreAt)) || estimateWords.has(this.w(leadAt - 1)))) return 'ahead'
    else if (factLeads.has(lead) || twoWordLeads.get(lead) === 'fact') return 'fact'
    // "delayed by 10 minutes" is a size; "estimated at 40 minutes" is not.
    else if (core.kind === 'duration' && (lead === 'by' || lead === 'at' || lead === 'on') && !estimateWords.has(this.w(leadAt - 1))) return 'fact'
    return core.past || this.pastAnchored(lead === undefined ? approximationAt : leadAt) ? 'fact' : 'ahead'
  }

  /**
   * A bare duration that is a past or a size: "2 hours ago", "15 minutes
   * late", "a 15-minute delay", "30 minutes of delays". "It will be 2 hours
   * before…" looks ahead: "before" after "be" is the wait, not the past.
   */
  sizesImpact(next: number, approximationAt: number): boolean {
    const after = this.nx(next)
    if (after === 'of') return impactNouns.has(this.nx(next + 1))
    if (!factFollowers.has(after)) return false
    return !(after === 'before' && this.w(approximationAt - 1) === 'be')
  }

  /** A word of a day still to come ("tonight", "tomorrow", "next week") among words `from` up to `next`. */
  forward(from: number, next: number): boolean {
    for (let k = from; k < next; k++) if (forwardDays.has(this.w(k))) return true
    return false
  }

  /** A label that names a past event ends just before word `i`: "Issue detected: 10:15", "Began: Monday". */
  eventLabel(i: number): boolean {
    const label = this.w(i - 1)
    return i > 0 && this.joined(i, ':') && this.between(i).includes(':') && isPastVerb(label) && !estimateWords.has(label)
  }

  /** "we deployed at 14:00", "errors were fixed by 3pm": a past verb with its subject just before the time. */
  pastAnchored(i: number): boolean {
    const verb = this.skipAdverbs(i - 1)
    if (!isPastVerb(this.w(verb)) || !this.joined(verb + 1)) return false
    const subject = this.skipAdverbs(verb - 1)
    return pastSubjects.has(this.w(subject)) && this.joined(subject + 1)
  }

  /** The first word at or before `at` that is not an adverb joined to the next: "we | quickly | deployed". */
  skipAdverbs(at: number): number {
    while (this.w(at).endsWith('ly') && this.joined(at + 1)) at--
    return at
  }

  expression(core: Core, coreAt: number, approximationAt: number, lead: [string, number] | undefined): TimeExpression {
    const {words, sentence} = this
    const [name, leadAt] = lead ?? [undefined, approximationAt]
    const from = name !== undefined && spanLeads.has(name) ? leadAt : approximationAt
    const to = core.next - 1
    const offset = sentence.start
    let coreStart = words[approximationAt]!.start
    // A placeholder starts at its opening delimiter: "[time]", "<UTC timestamp>".
    if (core.span && approximationAt === coreAt) coreStart = Math.min(coreStart, core.span[0])
    // Keep a "~" written right before the number: "ETA ~07:00 UTC".
    const gap = approximationAt > 0 ? this.between(approximationAt) : ''
    const tilde = Math.max(gap.lastIndexOf('~'), gap.lastIndexOf('≈'))
    if (tilde !== -1) coreStart = words[approximationAt - 1]!.end + tilde
    const start = from === approximationAt ? coreStart : words[from]!.start
    const last = words[to]!
    let end = bare(last.norm) === last.norm ? last.end : last.end - 1
    if (core.span && core.span[1] > end && core.span[0] <= last.start) end = core.span[1]
    // Close a parenthesised zone: "7:25 am (PST)".
    const inside = sentence.text.slice(start - offset, end - offset)
    if (sentence.text[end - offset] === ')' && inside.lastIndexOf('(') > inside.lastIndexOf(')')) end++
    return {
      kind: core.kind,
      frame: this.frame(name, leadAt, core, approximationAt, coreAt),
      vague: core.kind === 'vague',
      window: core.range === true,
      lead: name,
      from,
      to,
      start,
      end,
      coreStart,
      text: sentence.text.slice(start - offset, end - offset),
      ...(core.slot ? {slot: core.slot} : {}),
    }
  }
}

const timesCache = new WeakMap<Sentence, TimeExpression[]>()
const noTimes = Object.freeze([]) as unknown as TimeExpression[]

/**
 * Time expressions in `sentence`, left to right, never overlapping. Literal
 * words are skipped. Cached per sentence, since several rules ask (three a
 * message under the recommended preset); callers must not change the result.
 */
export function findTimes(sentence: Sentence): TimeExpression[] {
  let found = timesCache.get(sentence)
  if (found) return found
  // Most sentences hold no time: one look at their words tells, and the answer is kept like any other.
  const mayHold = sentence.placeholders !== undefined || sentence.words.some((word) => !word.literal && isTimeAnchor(bare(word.norm)))
  timesCache.set(sentence, (found = mayHold ? parseTimes(sentence) : noTimes))
  return found
}

function parseTimes(sentence: Sentence): TimeExpression[] {
  const reader = new Reader(sentence)
  const found: TimeExpression[] = []
  let i = 0
  while (i < sentence.words.length) {
    const core = reader.slot(i) ?? (mayStartTime(reader.w(i)) ? reader.core(i) : undefined)
    // A lead or approximation already inside the previous expression stays there.
    const floor = (found.at(-1)?.to ?? -1) + 1
    const approximationAt = core ? Math.max(reader.approximationStart(i), floor) : i
    const candidate = core ? reader.lead(approximationAt) : undefined
    const lead = candidate && candidate[1] >= floor ? candidate : undefined
    if (core && (lead || !core.needsLead)) {
      found.push(reader.expression(core, i, approximationAt, lead))
      i = core.next
    } else i++
  }
  return found
}

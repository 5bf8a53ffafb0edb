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
import type {Sentence, Word} from '../../text/walk.ts'
import {
  adjectiveDuration, aheadLeads, approximationsByLast, bare, barePlurals, cadenceLeads, clockPattern, clockStarts,
  compactDuration, compactHoursMinutes, countlessUnits, dayNumber, dayParts, dayStarts, deadlineAbbreviations,
  deadlineEnds, deadlineStarts, durationStarts, durationTails, estimateWords, factFollowers, factLeads, frenchClock,
  fuzzyQuantities, hourMeridiem, isNumber, isoDate, isPastVerb, isTimeAnchor, mayStartTime, meridiems, militaryClock,
  months, namedClock, notVagueNext, orderWords, pastOrder, pastSubjects, rangePattern, relativeDays, spanLeads,
  startsWithDigit, topOfTheHour, twoWordLeads, units, vaguePhrases, vagueStarts, weekdays, yearPattern, zoneOffset,
  zoneRegions, zones,
} from './vocabulary.ts'

/** duration "in 30 minutes", clock "by 18:00 UTC", day "tomorrow" / "by EOD", vague "shortly". */
export type TimeKind = 'duration' | 'clock' | 'day' | 'vague'

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
}

interface Core {
  kind: TimeKind
  /** Exclusive end index in words. */
  next: number
  /** "the last hour", "the past day". */
  past?: boolean
  /** Counts only after a preposition ("within hours"). */
  needsLead?: boolean
  /** Two clock times: "09:00 - 09:45 UTC", "13:05 to 13:40". */
  range?: boolean
}

class Reader {
  readonly words: Word[]
  readonly sentence: Sentence

  constructor(sentence: Sentence) {
    this.sentence = sentence
    this.words = sentence.words
  }

  /** Normalised word `i`, or '' past the end and for literal words. */
  w(i: number): string {
    const word = this.words[i]
    return word && !word.literal ? bare(word.norm) : ''
  }

  /** Raw text between word `i - 1` and word `i`. */
  between(i: number): string {
    const {sentence, words} = this
    return sentence.text.slice(words[i - 1]!.end - sentence.start, words[i]!.start - sentence.start)
  }

  /** Word `i` follows word `i - 1` with nothing but spaces and the `allowed` characters between. */
  joined(i: number, allowed = ''): boolean {
    if (i <= 0 || i >= this.words.length) return false
    // Read in place rather than slicing: this runs for nearly every word the parser tries.
    const {text, start} = this.sentence
    for (let k = this.words[i - 1]!.end - start; k < this.words[i]!.start - start; k++) {
      const char = text[k]!
      if (char !== ' ' && !/\s/.test(char) && !allowed.includes(char)) return false
    }
    return true
  }

  /** Word `i` when it continues the phrase (joined to the word before), else ''. */
  nx(i: number, allowed = ''): string {
    return this.joined(i, allowed) ? this.w(i) : ''
  }

  /** Words from `i` spell `sequence`, joined. */
  spells(i: number, sequence: readonly string[]): boolean {
    for (let k = 0; k < sequence.length; k++) if ((k === 0 ? this.w(i) : this.nx(i + k)) !== sequence[k]) return false
    return true
  }

  /** Index after a quantity at `i`, or -1: "30", "2-3", "2 to 3", "10–15", "forty-five", "a few", "a couple of", "half an". */
  quantity(i: number): number {
    const norm = this.w(i)
    if (rangePattern.test(norm)) return i + 1
    if (isNumber(norm)) {
      const after = this.nx(i + 1)
      if ((after === 'to' || after === 'or') && isNumber(this.nx(i + 2))) return i + 3
      return isNumber(this.nx(i + 1, '-–')) ? i + 2 : i + 1
    }
    if (norm === 'a' || norm === 'an' || norm === 'another') {
      const after = this.nx(i + 1)
      return after === 'few' || after === 'couple' || after === 'half' ? this.quantity(i + 1) : i + 1
    }
    if (fuzzyQuantities.has(norm)) return this.nx(i + 1) === 'of' ? i + 2 : i + 1
    if (norm !== 'half') return -1
    const after = this.nx(i + 1)
    return after === 'an' || after === 'a' ? i + 2 : i + 1
  }

  /** A unit at `i` ("business days" spans two words): its canonical name and the index after it. */
  unit(i: number): {unit: string; next: number} | undefined {
    const norm = this.w(i)
    if ((norm === 'business' || norm === 'working') && this.nx(i + 1).startsWith('day')) return {unit: 'day', next: i + 2}
    const unit = units.get(norm)
    return unit ? {unit, next: i + 1} : undefined
  }

  /** "and a half", "or so", "or two", "at most" after a duration. */
  durationTail(i: number): number {
    const tail = durationTails.find((words) => this.joined(i) && this.spells(i, words))
    return tail ? i + tail.length : i
  }

  duration(i: number): Core | undefined {
    const norm = this.w(i)
    if (compactDuration.test(norm) || compactHoursMinutes.test(norm) || adjectiveDuration.test(norm)) {
      return {kind: 'duration', next: this.durationTail(i + 1)}
    }
    // "the hour", "the next 30 minutes", "next 12 hours", "the coming days"
    let at = norm === 'the' ? i + 1 : i
    const order = at === i ? norm : this.nx(at)
    if (orderWords.has(order)) at++
    const framed = at > i
    const past = pastOrder.has(order)
    if (framed && !this.joined(at, '~')) return undefined
    const afterQuantity = this.quantity(at)
    if (afterQuantity !== -1) {
      const unit = this.joined(afterQuantity) ? this.unit(afterQuantity) : undefined
      // "a second region" is not a duration: seconds need a real number.
      if (!unit || (unit.unit === 'second' && !isNumber(this.w(at)))) return undefined
      return {kind: 'duration', next: this.durationTail(unit.next), past}
    }
    const unit = this.unit(at)
    if (framed && unit && countlessUnits.has(unit.unit)) return {kind: 'duration', next: this.durationTail(unit.next), past}
    return !framed && barePlurals.has(this.w(at)) ? {kind: 'duration', next: at + 1, needsLead: true} : undefined
  }

  /**
   * A time zone at `i`, after a clock: index after it, or -1. Handles "(PST)",
   * "UTC+8", "US/Pacific", "Pacific Time" and "local time". nlcst reads a
   * word in parentheses as literal, so zones ignore that flag.
   */
  zone(i: number): number {
    if (!this.joined(i, '(')) return -1
    const zone = bare(this.words[i]!.norm)
    const second = this.words[i + 1] ? bare(this.words[i + 1]!.norm) : ''
    let next = -1
    if (zones.has(zone)) next = zoneOffset.test(second) && /^[-+−]$/.test(this.between(i + 1)) ? i + 2 : i + 1
    else if (zone === 'us' && zoneRegions.has(second) && this.between(i + 1) === '/') next = i + 2
    else if ((zoneRegions.has(zone) || zone === 'local') && second === 'time' && this.joined(i + 1)) next = i + 2
    else if (zoneRegions.has(zone)) next = i + 1
    // "(PST)" must close where the zone ends.
    const open = this.between(i).includes('(')
    return next !== -1 && open && this.sentence.text[this.words[next - 1]!.end - this.sentence.start] !== ')' ? -1 : next
  }

  /** A point in the day: "18:00", "3pm", "3:00 PM PST", "9 a.m. PT", "14h30 UTC", "noon", "the top of the hour". */
  clockPoint(i: number): number {
    const norm = this.w(i)
    for (const top of topOfTheHour) if (this.spells(i, top)) return i + top.length
    let next = -1
    if (clockPattern.test(norm)) next = meridiems.has(this.nx(i + 1)) ? i + 2 : i + 1
    else if (hourMeridiem.test(norm) || frenchClock.test(norm) || namedClock.has(norm)) next = i + 1
    else if (/^\d{1,2}$/.test(norm) && Number(norm) <= 12 && meridiems.has(this.nx(i + 1))) next = i + 2
    else if (militaryClock.test(norm) && this.zone(i + 1) !== -1) next = i + 1
    if (next === -1) return -1
    const zone = this.zone(next)
    return zone === -1 ? next : zone
  }

  /** A date: "Tuesday", "Tuesday, 2022-06-21", "12 March", "September 12th, 2026", "2026-04-29". */
  date(i: number): number {
    const norm = this.w(i)
    if (isoDate.test(norm)) return i + 1
    if (weekdays.has(norm)) {
      const after = this.nx(i + 1, ',') ? this.date(i + 1) : -1
      return after === -1 || weekdays.has(this.w(i + 1)) ? i + 1 : after
    }
    if (months.has(norm) && dayNumber.test(this.nx(i + 1))) return this.year(i + 2)
    if (dayNumber.test(norm) && months.has(this.nx(i + 1))) return this.year(i + 2)
    return -1
  }

  year(i: number): number {
    return yearPattern.test(this.nx(i, ',.')) ? i + 1 : i
  }

  /** A day or deadline: "tomorrow (morning)", "tonight", "later today", "this afternoon", "end of (the) day", "EOD", a date. */
  day(i: number): number {
    const norm = this.w(i)
    if (norm === 'tomorrow') return dayParts.has(this.nx(i + 1)) ? i + 2 : i + 1
    if (deadlineAbbreviations.has(norm)) return i + 1
    if (norm === 'later') {
      if (this.nx(i + 1) === 'this') return relativeDays.has(this.nx(i + 2)) ? i + 3 : -1
      return this.nx(i + 1) ? this.day(i + 1) : -1
    }
    if (norm === 'this' || norm === 'next') return relativeDays.has(this.nx(i + 1)) ? i + 2 : -1
    for (const start of deadlineStarts) {
      if (!this.spells(i, start)) continue
      const at = i + start.length + (this.nx(i + start.length) === 'the' ? 1 : 0)
      if (deadlineEnds.has(this.nx(at))) return this.nx(at + 1) === 'today' ? at + 2 : at + 1
    }
    return this.date(i)
  }

  vague(i: number): number {
    const norm = this.w(i)
    if (norm === 'very') return this.nx(i + 1) ? this.vague(i + 1) : -1
    if (norm === 'soon' || norm === 'shortly' || norm === 'momentarily') {
      return this.w(i - 1) === 'as' || notVagueNext.has(this.w(i + 1)) ? -1 : i + 1
    }
    const phrase = vaguePhrases.find((words) => this.spells(i, words))
    return phrase ? i + phrase.length : -1
  }

  /** The longest time expression starting at word `i`. */
  core(i: number): Core | undefined {
    // Each shape is tried only at a word it can start with (see `timeStarts`).
    const norm = this.w(i)
    const digit = startsWithDigit(norm)
    const vague = vagueStarts.has(norm) ? this.vague(i) : -1
    if (vague !== -1) return {kind: 'vague', next: vague}
    const clock = digit || clockStarts.has(norm) ? this.clockPoint(i) : -1
    if (clock !== -1) return this.clockTail(clock)
    const day = digit || dayStarts.has(norm) ? this.day(i) : -1
    if (day === -1) return digit || durationStarts.has(norm) || norm.includes('-') ? this.duration(i) : undefined
    // "tomorrow at 9am", "Tuesday, 2022-06-21 09:00 US/Pacific"
    const clockAfter = this.nx(day) === 'at' ? this.clockPoint(day + 1) : this.joined(day, ',') ? this.clockPoint(day) : -1
    return {kind: 'day', next: clockAfter === -1 ? day : clockAfter}
  }

  /** After a clock: a second one ("09:00 - 09:45 UTC", "1:30 to 3:44") and a date ("on Tuesday", "29 Apr", "tomorrow"). */
  clockTail(i: number): Core {
    let next = i
    const separator = this.nx(i)
    if (separator === 'to' || separator === 'and' || separator === 'until' || separator === 'till' || separator === 'through') {
      const end = this.clockPoint(i + 1)
      if (end !== -1) next = end
    } else if (this.joined(i, '-–()') && /[-–]/.test(this.between(i))) {
      const end = this.clockPoint(i)
      if (end !== -1) next = end
    }
    const range = next !== i
    // After a zone in parentheses: "7:25 am (PST) today".
    const date = this.nx(next, ')') === 'on' ? this.day(next + 1) : this.joined(next, ',)') ? this.day(next) : -1
    return {kind: 'clock', next: date === -1 ? next : date, range}
  }

  /** Approximations ending just before word `i`: index of their first word, or `i`. */
  approximationStart(i: number): number {
    let at = i
    for (;;) {
      if (!this.joined(at, '~≈')) return at
      const found = approximationsByLast.get(this.w(at - 1))?.find((phrase) => at >= phrase.length && this.spells(at - phrase.length, phrase))
      if (!found) return at
      at -= found.length
    }
  }

  /** The lead before word `i` ("in", "as of", "no later than", "ETA:"), as [name, index of its first word]. */
  lead(i: number): [string, number] | undefined {
    // Only "ETA" may stand before a colon: "ETA: 2 hours".
    const one = this.joined(i, '~≈') ? this.w(i - 1) : this.joined(i, '~≈:') && this.w(i - 1) === 'eta' ? 'eta' : ''
    const two = this.joined(i - 1) ? `${this.w(i - 2)} ${one}` : ''
    if (two === 'later than' && this.nx(i - 2) && this.w(i - 3) === 'no') return ['no later than', i - 3]
    if (twoWordLeads.has(two)) return [two, i - 2]
    return aheadLeads.has(one) || factLeads.has(one) || cadenceLeads.has(one) ? [one, i - 1] : undefined
  }

  frame(lead: string | undefined, leadAt: number, core: Core, approximationAt: number, coreAt: number): TimeFrame {
    if (lead === undefined) {
      // "delays up to 10 minutes" bounds the impact; "estimating up to 12 hours" predicts.
      if (this.spells(approximationAt, ['up', 'to'])) return estimateWords.has(this.w(approximationAt - 1)) ? 'ahead' : 'fact'
      if (core.kind === 'duration' && factFollowers.has(this.nx(core.next))) return 'fact'
    } else if (cadenceLeads.has(lead)) return 'cadence'
    else if (lead === 'of') return estimateWords.has(this.w(leadAt - 1)) && !core.past ? 'ahead' : 'fact'
    // "over the next 6 hours" looks ahead; "over 2 hours", "over the past day" do not.
    else if (lead === 'over') return orderWords.has(this.w(coreAt)) || this.w(coreAt) === 'the' ? (core.past ? 'fact' : 'ahead') : 'fact'
    else if (factLeads.has(lead) || twoWordLeads.get(lead) === 'fact') return 'fact'
    // "delayed by 10 minutes" is a size; "estimated at 40 minutes" is not.
    else if (core.kind === 'duration' && (lead === 'by' || lead === 'at' || lead === 'on') && !estimateWords.has(this.w(leadAt - 1))) return 'fact'
    return core.past || this.pastAnchored(lead === undefined ? approximationAt : leadAt) ? 'fact' : 'ahead'
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
    // Keep a "~" written right before the number: "ETA ~07:00 UTC".
    const gap = approximationAt > 0 ? this.between(approximationAt) : ''
    const tilde = Math.max(gap.lastIndexOf('~'), gap.lastIndexOf('≈'))
    if (tilde !== -1) coreStart = words[approximationAt - 1]!.end + tilde
    const start = from === approximationAt ? coreStart : words[from]!.start
    const last = words[to]!
    let end = bare(last.norm) === last.norm ? last.end : last.end - 1
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
    }
  }
}

const timesCache = new WeakMap<Sentence, TimeExpression[]>()
const noTimes = Object.freeze([]) as unknown as TimeExpression[]

/**
 * Time expressions in `sentence`, left to right, never overlapping. Literal
 * words are skipped. Cached per sentence, since several rules ask; callers
 * must not change the result.
 */
export function findTimes(sentence: Sentence): TimeExpression[] {
  // Most sentences hold no time: one look at their words, and nothing to cache.
  if (!sentence.words.some((word) => !word.literal && isTimeAnchor(bare(word.norm)))) return noTimes
  let found = timesCache.get(sentence)
  if (!found) timesCache.set(sentence, (found = parseTimes(sentence)))
  return found
}

function parseTimes(sentence: Sentence): TimeExpression[] {
  const reader = new Reader(sentence)
  const found: TimeExpression[] = []
  let i = 0
  while (i < sentence.words.length) {
    const core = mayStartTime(reader.w(i)) ? reader.core(i) : undefined
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

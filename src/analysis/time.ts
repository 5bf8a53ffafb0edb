/**
 * Time expressions in a sentence's words, the clauses around them, and
 * promises of a further update. Two rules read them: no-resolution-estimate
 * (a time next to "should be fixed" is an estimate) and require-next-update
 * (a promised update, and whether it has a time). Both must agree on what
 * "We will post an update by 16:00 UTC" is, so the answer lives here.
 *
 * Everything works on the words of the shared doc walk, left to right, with
 * small anchored regexes on single tokens ("18:00", "3pm", "2-3") only.
 * A date parser (chrono-node) was measured and left out: it resolves points
 * in time, but these rules need the framing it drops ("since", "for",
 * "every", "up to", "next update"), and it misses "within the hour", "EOD"
 * and "shortly"; see rules/no-resolution-estimate.md.
 */
import {Lexicon} from '../text/lexicon.ts'
import type {Sentence, Word} from '../text/walk.ts'

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

/** A clause of a sentence, as word indices and offsets. */
export interface Clause {
  /** Word indices, inclusive; the joining word ("and", "but") is in neither clause. */
  from: number
  to: number
  start: number
  end: number
  /**
   * Shares the previous clause's subject: "The patch is rolling out | and
   * should reach every region within 3 hours".
   */
  continues: boolean
}

/** A promise of a further update ("Next update in 30 minutes"), with the times that say when. */
export interface UpdatePromise {
  clause: Clause
  /** The words that make the promise ("next update", "will post an update"). */
  start: number
  end: number
  /** Time expressions in the same clause that say when ("in 30 minutes", "every 30 minutes"). */
  times: TimeExpression[]
}

/* ------------------------------------------------------------------ words */

const numberWords = new Set([
  'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'thirteen',
  'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen', 'twenty', 'thirty', 'forty', 'fifty',
  'sixty', 'seventy', 'eighty', 'ninety',
])
/** Quantities without a number: "a few minutes", "several hours", "a couple of days". */
const fuzzyQuantities = new Set(['few', 'several', 'many', 'couple'])

const units = new Map<string, string>([
  ['second', 'second'], ['seconds', 'second'], ['sec', 'second'], ['secs', 'second'],
  ['minute', 'minute'], ['minutes', 'minute'], ['min', 'minute'], ['mins', 'minute'],
  ['hour', 'hour'], ['hours', 'hour'], ['hr', 'hour'], ['hrs', 'hour'], ['h', 'hour'],
  ['day', 'day'], ['days', 'day'],
  ['week', 'week'], ['weeks', 'week'], ['wk', 'week'], ['wks', 'week'],
])
/** Units that stand without a number after "the" or "next": "within the hour", "the coming days". */
const countlessUnits = new Set(['minute', 'hour', 'day', 'week'])
/** Bare plural units count only after a preposition: "within hours", "in minutes". */
const barePlurals = new Set(['minutes', 'hours', 'days', 'weeks'])
const orderWords = new Set(['next', 'coming', 'following', 'last', 'past', 'previous'])
const pastOrder = new Set(['last', 'past', 'previous'])
const durationTails = [['and', 'a', 'half'], ['or', 'so'], ['or', 'two'], ['or', 'more'], ['or', 'less'], ['at', 'most'], ['max']]

const zones = new Set([
  'utc', 'gmt', 'z', 'pt', 'pst', 'pdt', 'mt', 'mst', 'mdt', 'ct', 'cst', 'cdt', 'et', 'est', 'edt', 'akst',
  'akdt', 'hst', 'ast', 'adt', 'nst', 'ndt', 'bst', 'ist', 'cet', 'cest', 'eet', 'eest', 'wet', 'west', 'msk',
  'jst', 'kst', 'sgt', 'hkt', 'aest', 'aedt', 'acst', 'acdt', 'awst', 'nzst', 'nzdt', 'brt', 'art', 'sast',
])
const zoneRegions = new Set(['pacific', 'eastern', 'central', 'mountain', 'atlantic'])
const meridiems = new Set(['am', 'pm', 'a.m.', 'p.m.', 'a.m', 'p.m'])
const namedClock = new Set(['noon', 'midnight', 'midday'])

const weekdays = new Set(['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'])
/** "may" counts only next to a day number ("16 May", "May 17"), as every month does here. */
const months = new Set([
  'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november',
  'december', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec',
])
const dayParts = new Set(['morning', 'afternoon', 'evening', 'night'])
/** "this afternoon", "next week", "later this week". */
const relativeDays = new Set([...dayParts, 'week', 'weekend', ...weekdays])
/** Deadlines written as abbreviations: end of day, close of business, end of week. */
const deadlineAbbreviations = new Set(['eod', 'cob', 'eob', 'eow', 'end-of-day', 'tonight', 'today', 'overnight'])
const deadlineStarts = [['end', 'of'], ['the', 'end', 'of'], ['close', 'of']]
const deadlineEnds = new Set(['day', 'week', 'business', 'today', 'month'])

const vaguePhrases = [
  ['before', 'long'], ['any', 'minute', 'now'], ['any', 'minute'], ['in', 'a', 'moment'], ['in', 'a', 'bit'],
  ['in', 'a', 'little', 'while'], ['in', 'a', 'while'], ['in', 'the', 'near', 'future'],
]
/** "as soon as", "soon after the deploy", "shortly before 14:00": not predictions. */
const notVagueNext = new Set(['as', 'after', 'before', 'thereafter'])

/**
 * The words each shape of time can start with, besides digits: `core()`
 * tries a shape only at such a word, and the parser skips every other word
 * with one lookup. Keep in step with the shapes: a new one needs its first
 * words here. Hyphenated words ("forty-five", "half-hour") may start a duration.
 */
// vague(): "very soon", "shortly", "before long", "any minute", "in a bit"
const vagueStarts = new Set(['very', 'soon', 'shortly', 'momentarily', ...vaguePhrases.map((words) => words[0]!)])
// clockPoint(): "(the) top of the hour", "noon"
const clockStarts = new Set(['the', 'top', ...namedClock])
// day() and date(): "tomorrow", "EOD", "later today", "this afternoon", "next week", "end of day", "Tuesday", "May 17"
const dayStarts = new Set([
  'tomorrow', 'later', 'this', 'next', ...deadlineAbbreviations, ...deadlineStarts.map((words) => words[0]!), ...weekdays, ...months,
])
// duration() and quantity(): "the next hour", "a few minutes", "half an hour", "thirty minutes", "within hours"
const durationStarts = new Set(['the', ...orderWords, 'a', 'an', 'another', 'half', ...fuzzyQuantities, ...numberWords, ...barePlurals])
const timeStarts = new Set([...vagueStarts, ...clockStarts, ...dayStarts, ...durationStarts])

function mayStartTime(norm: string): boolean {
  return startsWithDigit(norm) || timeStarts.has(norm) || norm.includes('-')
}

function startsWithDigit(norm: string): boolean {
  const first = norm.charCodeAt(0)
  return first >= 0x30 && first <= 0x39
}

/**
 * Words of which every time expression holds at least one: a number written
 * in digits, a unit, a day or deadline, or the noun of a vague phrase ("in a
 * moment", "before long"). A sentence without any has no time, so most
 * sentences cost one lookup per word. Hyphenated words ("half-hour") count
 * too, like in `mayStartTime`. Keep in step with `core()`.
 */
const timeAnchors = new Set([
  ...units.keys(), 'business', 'working', 'hour',
  'soon', 'shortly', 'momentarily', ...vaguePhrases.map((words) => words.at(-1)!),
  ...namedClock, 'tomorrow', ...deadlineAbbreviations, ...relativeDays, ...deadlineEnds, ...weekdays, ...months,
])

function isTimeAnchor(norm: string): boolean {
  return startsWithDigit(norm) || timeAnchors.has(norm) || norm.includes('-')
}

/**
 * A single-token shape that starts with a digit. The parser asks about
 * nearly every word it tries; words that start otherwise are turned away
 * without running the expression.
 */
function numeric(pattern: RegExp): {test(norm: string): boolean} {
  return {test: (norm) => startsWithDigit(norm) && pattern.test(norm)}
}

/* Single-token shapes. Every pattern is anchored, with bounded and unambiguous parts. */
const digitsPattern = numeric(/^\d{1,4}(?:\.\d{1,2})?$/)
const rangePattern = numeric(/^\d{1,4}(?:\.\d{1,2})?[-–]\d{1,4}(?:\.\d{1,2})?$/)
const compactDuration = numeric(/^\d{1,4}(?:\.\d{1,2})?(?:[dhms]|secs?|mins?|minutes?|hrs?|hours?|days?)$/)
const compactHoursMinutes = numeric(/^\d{1,2}h\d{1,2}m$/)
const adjectiveDuration = /^(?:\d{1,4}|half)-(?:second|minute|hour|day|week)s?$/
const clockPattern = numeric(/^\d{1,2}:\d{2}(?::\d{2})?(?:am|pm|a\.m\.|p\.m\.|utc|gmt|z)?$/)
const hourMeridiem = numeric(/^\d{1,2}(?:am|pm|a\.m\.|p\.m\.)$/)
const frenchClock = numeric(/^\d{1,2}h\d{2}$/)
const militaryClock = numeric(/^[0-2]\d[0-5]\d$/)
const zoneOffset = numeric(/^\d{1,2}(?::\d{2})?$/)
const isoDate = numeric(/^\d{4}-\d{2}-\d{2}$/)
const dayNumber = numeric(/^\d{1,2}(?:st|nd|rd|th)?$/)
const yearPattern = numeric(/^(?:19|20)\d{2}$/)

/** "min." → "min": the last word of a text keeps its full stop; "a.m." keeps its own. */
function bare(norm: string): string {
  return norm.length > 1 && norm.endsWith('.') && norm.indexOf('.') === norm.length - 1 ? norm.slice(0, -1) : norm
}

function isNumber(norm: string): boolean {
  // "forty-five"; without a hyphen both halves fail ("tens" → "ten" and "tens").
  const dash = norm.indexOf('-')
  return digitsPattern.test(norm) || numberWords.has(norm) || (numberWords.has(norm.slice(0, dash)) && numberWords.has(norm.slice(dash + 1)))
}

/* ------------------------------------------------------------------ framing */

/** Prepositions and cues before a time, by how they frame it. */
const aheadLeads = new Set(['in', 'within', 'by', 'before', 'until', 'till', "'til", 'at', 'on', 'eta', 'take', 'takes', 'taking', 'need', 'needs'])
const factLeads = new Set(['since', 'between', 'from', 'for', 'during', 'after', 'of', 'over', 'starting', 'started', 'beginning', 'began', 'begun', 'lasted', 'lasting', 'took', 'spent'])
const cadenceLeads = new Set(['every', 'each', 'per'])
const twoWordLeads = new Map<string, TimeFrame>([
  ['as of', 'fact'],
  ['prior to', 'fact'],
  ['up until', 'ahead'],
])
/** Leads that are prepositions belong in the reported span ("by 3pm"); cues such as "ETA" or "take" do not. */
const spanLeads = new Set(['in', 'within', 'by', 'before', 'until', 'till', "'til", 'at', 'on', 'over', 'since', 'between', 'from', 'for', 'during', 'after', 'as of', 'prior to', 'up until', 'no later than', 'every', 'each', 'per'])
/** "an ETA of 90 minutes" and "estimating up to 12 hours" look ahead; "delays of 90 minutes" does not. */
const estimateWords = new Set(['eta', 'estimate', 'estimated', 'estimating', 'estimates', 'target', 'projection', 'forecast'])
/** Words after a bare duration that make it a past or a size: "2 hours ago", "15 minutes late", "a 15-minute delay". */
const factFollowers = new Set(['ago', 'earlier', 'before', 'after', 'later', 'late', 'behind', 'prior', 'old', 'long', 'delay', 'delays', 'delayed', 'lag', 'window', 'outage', 'downtime', 'interval', 'intervals'])

/** Approximations between a lead and the quantity; kept in the span. */
const approximations: string[][] = [
  ['approximately'], ['approx'], ['about'], ['roughly'], ['around'], ['circa'], ['nearly'], ['almost'], ['just'],
  ['under'], ['additional'], ['further'], ['less', 'than'], ['more', 'than'], ['up', 'to'], ['at', 'least'],
  ['no', 'more', 'than'], ['a', 'maximum', 'of'], ['maximum', 'of'], ['a', 'minimum', 'of'], ['an', 'additional'],
  ['a', 'further'], ['an', 'extra'], ['an', 'estimated'], ['estimated'],
]
/** The approximations ending in each word, in the order above: only those can end just before a time. */
const approximationsByLast = new Map<string, string[][]>()
for (const phrase of approximations) {
  const last = phrase.at(-1)!
  approximationsByLast.set(last, [...(approximationsByLast.get(last) ?? []), phrase])
}
const topOfTheHour = [['the', 'top', 'of', 'the', 'hour'], ['top', 'of', 'the', 'hour']]

/** Subject or auxiliary before a past verb: "we deployed at 14:00" is history, "be deployed at 14:00" is not. */
const pastSubjects = new Set(['we', 'i', 'they', 'you', 'he', 'she', 'it', 'was', 'were', 'had', 'has', 'have', "we've", "they've", "i've"])
const irregularPast = new Set(['been', 'began', 'begun', 'saw', 'seen', 'took', 'went', 'came', 'became', 'ran', 'rose', 'fell', 'broke', 'found', 'made', 'sent', 'left', 'got', 'kept', 'lost', 'put', 'set', 'hit', 'did'])

function isPastVerb(norm: string): boolean {
  return irregularPast.has(norm) || (norm.length > 3 && norm.endsWith('ed'))
}

/* ------------------------------------------------------------------ parser */

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

/* ------------------------------------------------------------------ clauses */

/** Subjects that start a new clause after "and", "but", "while"…: "…and we expect…". */
const subjects = new Set([
  'we', "we'll", "we're", "we've", "we'd", 'i', "i'll", "i'm", "i've", 'you', "you'll", "you're", 'they', "they'll",
  "they're", 'it', "it's", "it'll", 'he', 'she', 'there', "there's", 'this', 'that', 'these', 'those', 'no', 'please',
])
/** Verbs that start a clause sharing the previous subject: "…and will post an update". */
const predicates = new Set([
  'will', 'would', 'should', 'shall', 'can', 'could', 'may', 'might', 'must', 'is', 'are', 'was', 'were', 'has',
  'have', 'had', 'be', 'been', 'do', 'does', 'did', "don't", "won't", "can't", "isn't", "aren't",
  'expect', 'expects', 'anticipate', 'anticipates', 'estimate', 'estimates', 'aim', 'aims', 'plan', 'plans', 'hope',
  'hopes', 'continue', 'continues', 'provide', 'post', 'share', 'update', 'report', 'follow', 'keep',
])
/** Split only when a subject or verb follows: "and running", "or sooner" stay put. */
const coordinators = new Set(['and', 'or', 'so', 'yet'])
/** Split only before a verb: "the outage | that | will need reprocessing", while "believe that all jobs will…" stays whole. */
const relatives = new Set(['which', 'who', 'that'])
/** Always start a new clause: "…to process the backlog | but | updates will be shared as we have them". */
const contrasts = new Set(['but', 'however', 'while', 'whilst', 'whereas', 'although', 'though'])

/**
 * Split a sentence into clauses at ";" and "—", at "as soon as", and at a
 * joining word that starts a new clause: "…resolve this | and | will post an
 * update in 30 minutes". "and running", "between 09:00 and 09:45" and "2 or
 * 3 hours" do not split. Subordinate clauses ("once the fix is out", "until
 * all jobs are processed") stay with the clause they complete.
 */
export function findClauses(sentence: Sentence, times: readonly TimeExpression[] = findTimes(sentence)): Clause[] {
  const {words} = sentence
  const clauses: Clause[] = []
  let from = 0
  let continues = false
  const close = (to: number, next: number, nextContinues: boolean) => {
    // Two joining words in a row (", and which will…") leave nothing between them.
    if (to >= from) clauses.push({from, to, start: words[from]!.start, end: words[to]!.end, continues})
    from = next
    continues = nextContinues
  }
  for (let i = 1; i < words.length; i++) {
    const gap = sentence.text.slice(words[i - 1]!.end - sentence.start, words[i]!.start - sentence.start)
    const norm = words[i]!.norm
    const next = words[i + 1]?.norm ?? ''
    if (gap.includes(';') || gap.includes('—')) close(i - 1, i, false)
    else if (norm === 'as' && next === 'soon' && words[i + 2]?.norm === 'as') {
      close(i - 1, i + 3, false)
      i += 2
    } else if (inTime(times, i)) continue
    else if (relatives.has(norm) && predicates.has(next)) close(i - 1, i + 1, true)
    else if (!coordinators.has(norm) && !contrasts.has(norm)) continue
    else if (subjects.has(next)) close(i - 1, i + 1, false)
    else if (predicates.has(next)) close(i - 1, i + 1, true)
    else if (gap.includes(',') || contrasts.has(norm)) close(i - 1, i + 1, false)
  }
  close(words.length - 1, words.length, false)
  return clauses
}

function inTime(times: readonly TimeExpression[], index: number): boolean {
  return times.some((time) => time.from <= index && index <= time.to)
}

/** The clause holding word `index`, or undefined when the word joins two clauses. */
export function clauseAt(clauses: readonly Clause[], index: number): Clause | undefined {
  return clauses.find((clause) => clause.from <= index && index <= clause.to)
}

/* ------------------------------------------------------------------ future */

const modals = new Set(['will', 'shall', 'should', 'would', 'could', 'may', 'might', "won't", "shouldn't", "wouldn't"])
/** Modals that look back before "have": "should have recovered", "may have seen"; "will have" still looks ahead. */
const perfectModals = new Set(['should', 'would', 'could', 'may', 'might', "shouldn't", "wouldn't"])
/** Verbs of intent that look ahead on their own: "we expect to", "we plan to", "we aim to". */
const intentVerbs = new Set([
  'expect', 'expects', 'expected', 'expecting', 'anticipate', 'anticipates', 'anticipated', 'anticipating',
  'plan', 'plans', 'planning', 'aim', 'aims', 'aiming', 'intend', 'intends', 'intending', 'hope', 'hopes', 'hoping',
])

export interface FutureCues {
  /** "will", "should", "'ll", "going to". */
  modal: boolean
  /** "expect", "anticipate", "plan", "aim", "intend", "hope". */
  intent: boolean
}

/**
 * What makes words `from..to` look ahead: a modal ("will", "should", "'ll"),
 * "going to", or a verb of intent. A modal before "have" ("should have
 * recovered", "would have seen") looks back, so it does not count.
 */
export function futureCues(words: readonly Word[], from: number, to: number): FutureCues {
  const cues: FutureCues = {modal: false, intent: false}
  for (let i = from; i <= to; i++) {
    const norm = words[i]!.literal ? '' : words[i]!.norm
    const next = words[i + 1]?.norm === 'not' ? i + 2 : i + 1
    const after = words[next]?.norm
    // "should have been restored", "may have seen" look back; "should have this resolved" looks ahead.
    const perfect = perfectModals.has(norm) && after === 'have' && isPastVerb(words[next + 1]?.norm ?? '')
    if (intentVerbs.has(norm)) cues.intent = true
    else if (norm === 'going' && after === 'to') cues.modal = true
    else if ((modals.has(norm) || norm.endsWith("'ll")) && !perfect) cues.modal = true
  }
  return cues
}

export function looksAhead(words: readonly Word[], from: number, to: number): boolean {
  const cues = futureCues(words, from, to)
  return cues.modal || cues.intent
}

/* ------------------------------------------------------------------ update promises */

interface PromiseEntry {
  /** Promises on its own ("next update", "updates to follow"), or only with a verb that looks ahead ("will post an update"). */
  standalone: boolean
  phrases: string[]
}

const updateWords = 'update|updates|information|info|details|detail|news'
const qualifiers = 'another|further|more|additional|regular|frequent|periodic|new|progress|status'

/**
 * What promises customers another update. Communication nouns need a
 * qualifier or a verb of telling ("an update", "more information", "post
 * updates"), so "a software update" and "customer information" are not
 * promises.
 */
const promiseEntries: PromiseEntry[] = [
  {
    standalone: true,
    phrases: [
      'next update|updates|communication|post|report|notice',
      'next status update',
      'update|updates|information|details|more to follow',
      `${qualifiers} ${updateWords} to follow`,
      'update|updates|information|details|more to come',
      `${qualifiers} ${updateWords} to come`,
      'more soon',
      'updates every',
      // "Follow @acmestatus for updates", "Check this page for the latest information".
      'for updates',
      `for ${qualifiers}|the latest ${updateWords}`,
      'subscribe to|for updates',
      'stay tuned',
      'check back',
      'watch this space|page',
      'monitor this page|space',
    ],
  },
  {
    standalone: false,
    phrases: [
      `an|${qualifiers} ${updateWords}`,
      'a further|new update',
      `an additional ${updateWords}`,
      `provide|post|share|give|send|publish|issue|have|providing|posting|sharing|giving|sending|publishing ${updateWords}`,
      `${updateWords} will|shall be provided|posted|shared|published|given|sent|made`,
      'update|updating this|the page|incident|post|space|thread|status|statuspage',
      'update|updating you|everyone|customers|users|here|again',
      "to|will|shall|we'll|i'll|they'll update",
      'be updating',
      'keep you|everyone|customers|users posted|updated|informed',
      'keep this page updated',
      'share|provide|post|give|have more',
      // "will continue to monitor | and update as the situation progresses"
      'and update|post|report',
      'update as|when|once|whenever',
      'report back',
      'follow up',
      'get back to you|everyone|customers',
      'be in touch',
      'let you|everyone|customers|users know',
      'notify you|everyone|customers|users|affected',
      'post|write again',
      'post here',
      'post here again',
      'communicate',
      'be back with',
      'postmortem|post-mortem|rca',
      'root cause analysis',
      'incident report',
    ],
  },
]

const promiseLexicon = new Lexicon(promiseEntries, (entry) => entry.phrases)

/** Words just before a promise that make "update" a software change: "deploy an update", "a firmware update". */
const softwareWords = new Set(['deploy', 'deploying', 'deployed', 'apply', 'applying', 'applied', 'install', 'installing', 'installed', 'release', 'releasing', 'released', 'push', 'pushing', 'pushed', 'ship', 'shipping', 'roll', 'rolling', 'rolled', 'test', 'testing', 'software', 'firmware', 'config', 'configuration', 'dns', 'security'])
const negations = new Set(['no', 'not', 'never', "won't", "don't", "doesn't", "can't", 'cannot', 'final', 'last'])
/** "continue to provide updates" looks ahead for a promise, though not for an estimate. */
const ongoingVerbs = new Set(['continue', 'continues', 'continuing'])

/**
 * What may follow "update" used as a verb of telling: "we will update | this
 * page | you | in 30 minutes | as we learn more". Anything else makes it a
 * change to something: "to update the load balancer", "will update DNS".
 */
const updateFollowers = new Set([
  'in', 'within', 'by', 'at', 'on', 'as', 'when', 'once', 'after', 'if', 'with', 'shortly', 'soon', 'again',
  'accordingly', 'here', 'further', 'periodically', 'regularly', 'every', 'and', 'or', 'you', 'everyone',
  'customers', 'users', 'information', 'details', 'progress', 'later', 'tomorrow', 'tonight',
])
const determiners = new Set(['this', 'the', 'our'])
const updatedThings = new Set(['page', 'incident', 'status', 'statuspage', 'post', 'space', 'thread', 'community', 'forum', 'banner'])
/** Words that make "update" a noun: "next update", "an update". */
const nounMarkers = new Set(['next', 'an', 'a', 'another', 'further', 'more', 'additional', 'regular', 'frequent', 'periodic', 'new', 'progress', 'status'])

/** "update" at `verb` changes something ("update the load balancer") rather than telling customers. */
function updatesSomething(words: readonly Word[], verb: number): boolean {
  const next = words[verb + 1]
  if (!next || next.gap || updateFollowers.has(next.norm)) return false
  return !determiners.has(next.norm) || !updatedThings.has(words[verb + 2]?.norm ?? '')
}

/**
 * Promises of a further update in `sentence`: "Next update in 30 minutes",
 * "We will post an update by 16:00 UTC", "Updates to follow", "We'll keep
 * you posted". Negated ones ("No further updates will be posted") are not
 * promises. At most one per clause.
 */
export function findPromises(sentence: Sentence, givenTimes?: TimeExpression[], givenClauses?: Clause[]): UpdatePromise[] {
  const matches = promiseLexicon.find(sentence)
  // Most sentences promise nothing: only those with a promise phrase pay for times and clauses.
  if (matches.length === 0) return []
  const {words} = sentence
  const times = givenTimes ?? findTimes(sentence)
  const clauses = givenClauses ?? findClauses(sentence, times)
  const found: UpdatePromise[] = []
  for (const match of matches) {
    // "…monitor | and update as…": the joining word starts the match but belongs to no clause.
    const clause = (clauseAt(clauses, match.from) ?? clauseAt(clauses, match.to))!
    if (found.some((promise) => promise.clause === clause)) continue
    if (match.from > clause.from && [words[match.from - 1]!.norm, words[match.from - 2]?.norm].some((norm) => softwareWords.has(norm ?? ''))) continue
    const last = words[match.to]!.norm
    // Every phrase ending in "update" has a word before it: "will update", "next update".
    if ((last === 'update' || last === 'updating') && !nounMarkers.has(words[match.to - 1]!.norm) && updatesSomething(words, match.to)) continue
    if (words.slice(clause.from, match.to + 1).some((word) => negations.has(word.norm))) continue
    // "We will continue to monitor | and provide updates": the modal is in the clause before.
    const first = clause.continues ? clauses[clauses.indexOf(clause) - 1]!.from : clause.from
    const ahead = looksAhead(words, first, clause.to) || words.slice(first, clause.to + 1).some((word) => ongoingVerbs.has(word.norm))
    if (!match.entry.standalone && !ahead) continue
    found.push({
      clause,
      start: match.start,
      end: match.end,
      times: times.filter((time) => time.frame !== 'fact' && clauseAt(clauses, time.to) === clause),
    })
  }
  return found
}

/* ------------------------------------------------------------------ retrospectives */

/** Words that say something is still going on: "continue to", "in progress", "still". */
const ongoingWords = new Set([...ongoingVerbs, 'ongoing', 'underway', 'still', 'currently', 'progress', 'remains', 'remain'])
const beForms = new Set(['is', 'are', 'am', "we're", "they're", "it's", "i'm"])

/** "are investigating", "is actively being processed", "we continue to…". */
function isOngoing(words: readonly Word[]): boolean {
  return words.some((word, i) => {
    if (ongoingWords.has(word.norm)) return true
    if (!beForms.has(word.norm)) return false
    let at = i + 1
    while (words[at]?.norm.endsWith('ly') || words[at]?.norm === 'now' || words[at]?.norm === 'not') at++
    const verb = words[at]?.norm ?? ''
    return verb.length > 4 && verb.endsWith('ing')
  })
}

/**
 * A message that reports a closed window in the past ("Between 09:00 and
 * 09:45 UTC, API requests failed") and says neither that anything is still
 * going on nor what will happen next: a retrospective, written once the
 * incident is over, whatever words it uses for the resolution.
 */
export function isRetrospective(sentences: readonly Sentence[]): boolean {
  let window = false
  for (const sentence of sentences) {
    const times = findTimes(sentence)
    if (times.some((time) => time.window && time.frame === 'fact')) window = true
    if (isOngoing(sentence.words)) return false
    // "on 16 May 2025" is a date, not a modal.
    const outside = times.length === 0 ? sentence.words : sentence.words.filter((_, i) => !times.some((time) => time.from <= i && i <= time.to))
    if (looksAhead(outside, 0, outside.length - 1)) return false
  }
  return window
}

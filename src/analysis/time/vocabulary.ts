/**
 * The words and single-token shapes time expressions are built from. The
 * word lists are data (words.json, each with a note on why it is there);
 * this module turns them into sets once and adds the token patterns that
 * are code: anchored regexes on one word ("18:00", "3pm", "2-3").
 */
import {groupNumbers, groupOf, phraseWords, wordSet} from '../../text/word-lists.ts'
import words from './words.json' with {type: 'json'}

/** "one" … "ninety" with their values. */
export const numberValues = groupNumbers(words.numberWords)
export const numberWords: ReadonlySet<string> = new Set(numberValues.keys())
export const fuzzyQuantities = wordSet(words.fuzzyQuantities)
/** Spelling → canonical unit: "hrs" → "hour". */
export const units = groupOf(words.units)
export const countlessUnits = wordSet(words.countlessUnits)
export const barePlurals = wordSet(words.barePlurals)
export const orderWords = wordSet(words.orderWords)
export const pastOrder = wordSet(words.pastOrder)
export const verbBeforeLast = wordSet(words.verbBeforeLast)
export const durationTails: readonly string[][] = phraseWords(words.durationTails)

export const zones = wordSet(words.zones)
export const zoneRegions = wordSet(words.zoneRegions)
export const meridiems = wordSet(words.meridiems)
export const namedClock = wordSet(words.namedClock)

export const weekdays = wordSet(words.weekdays)
export const months = wordSet(words.months)
export const verbMonths = wordSet(words.verbMonths)
export const dateFollowers = wordSet(words.dateFollowers)
export const dayParts = wordSet(words.dayParts)
export const theDayParts = wordSet(words.theDayParts)
export const dayPartModifiers = wordSet(words.dayPartModifiers)
export const relativeDays = new Set([...dayParts, ...words.relativeDays.words, ...weekdays])
export const deadlineAbbreviations = wordSet(words.deadlineAbbreviations)
export const deadlineStarts: readonly string[][] = phraseWords(words.deadlineStarts)
export const deadlineEnds = wordSet(words.deadlineEnds)

export const vaguePhrases: readonly string[][] = phraseWords(words.vaguePhrases)
export const vagueWords = wordSet(words.vagueWords)
export const notVagueNext = wordSet(words.notVagueNext)

export const aheadLeads = wordSet(words.aheadLeads)
export const factLeads = wordSet(words.factLeads)
export const cadenceLeads = wordSet(words.cadenceLeads)
export const twoWordLeads = groupOf(words.twoWordLeads, ['ahead', 'fact'])
export const spanLeads = wordSet(words.spanLeads)
export const estimateWords = wordSet(words.estimateWords)
export const factFollowers = wordSet(words.factFollowers)
export const impactNouns = wordSet(words.impactNouns)
export const impactLeads = wordSet(words.impactLeads)
export const extraQuantities = wordSet(words.extraQuantities)
export const topOfTheHour: readonly string[][] = phraseWords(words.topOfTheHour)
export const beForms = wordSet(words.beForms)
export const pastCopulas = wordSet(words.pastCopulas)
export const forwardLeads = wordSet(words.forwardLeads)
export const forwardDays = wordSet(words.forwardDays)

/** The approximations ending in each word, in the data's order: only those can end just before a time. */
export const approximationsByLast = new Map<string, string[][]>()
for (const phrase of phraseWords(words.approximations)) {
  const last = phrase.at(-1)!
  approximationsByLast.set(last, [...(approximationsByLast.get(last) ?? []), phrase])
}

export const pastSubjects = wordSet(words.pastSubjects)
const irregularPast = wordSet(words.irregularPast)

export function isPastVerb(norm: string): boolean {
  return irregularPast.has(norm) || (norm.length > 3 && norm.endsWith('ed'))
}

/**
 * The words each shape of time can start with, besides digits: `core()`
 * tries a shape only at such a word, and the parser skips every other word
 * with one lookup. Keep in step with the shapes: a new one needs its first
 * words here. Hyphenated words ("forty-five", "half-hour") may start a duration.
 */
// vague(): "very soon", "shortly", "before long", "any minute", "in a bit"
export const vagueStarts = new Set(['very', ...vagueWords, ...vaguePhrases.map((phrase) => phrase[0]!)])
// clockPoint(): "(the) top of the hour", "noon"
export const clockStarts = new Set(['the', 'top', ...namedClock])
// day() and date(): "tomorrow", "EOD", "later today", "this afternoon", "next week", "end of day", "Tuesday", "May 17"
export const dayStarts = new Set([
  'tomorrow', 'later', 'this', 'next', ...dayPartModifiers, ...deadlineAbbreviations, ...deadlineStarts.map((phrase) => phrase[0]!), ...weekdays, ...months,
])
// duration() and quantity(): "the next hour", "a few minutes", "half an hour", "thirty minutes", "within hours"
export const durationStarts = new Set(['the', ...orderWords, 'a', 'an', 'another', 'half', 'between', ...fuzzyQuantities, ...numberWords, ...barePlurals])
const timeStarts = new Set([...vagueStarts, ...clockStarts, ...dayStarts, ...durationStarts])

export function mayStartTime(norm: string): boolean {
  return startsWithDigit(norm) || timeStarts.has(norm) || norm.includes('-')
}

export function startsWithDigit(norm: string): boolean {
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
  ...vagueWords, ...vaguePhrases.map((phrase) => phrase.at(-1)!),
  ...namedClock, 'tomorrow', ...deadlineAbbreviations, ...relativeDays, ...deadlineEnds, ...weekdays, ...months,
])

export function isTimeAnchor(norm: string): boolean {
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

/*
 * Single-token shapes. Every pattern is anchored, with bounded and unambiguous
 * parts, and accepts only real values (hours to 24, minutes to 59, days to
 * 31): "Route 53" is no day of the month and "16:99" no clock time.
 */
const digitsPattern = numeric(/^\d{1,4}(?:\.\d{1,2})?$/)
export const rangePattern = numeric(/^\d{1,4}(?:\.\d{1,2})?[-–]\d{1,4}(?:\.\d{1,2})?$/)
export const compactDuration = numeric(/^\d{1,4}(?:\.\d{1,2})?(?:[dhms]|secs?|mins?|minutes?|hrs?|hours?|days?)$/)
export const compactHoursMinutes = numeric(/^\d{1,2}h\d{1,2}m$/)
export const adjectiveDuration = /^(?:\d{1,4}|half)-(?:second|minute|hour|day|week)s?$/
export const clockPattern = numeric(/^(?:[01]?\d|2[0-4]):[0-5]\d(?::[0-5]\d)?(?:am|pm|a\.m\.|p\.m\.|utc|gmt|z)?$/)
export const hourMeridiem = numeric(/^(?:0?[1-9]|1[0-2])(?:am|pm|a\.m\.|p\.m\.)$/)
export const frenchClock = numeric(/^(?:[01]?\d|2[0-3])h[0-5]\d$/)
export const militaryClock = numeric(/^(?:[01]\d|2[0-3])[0-5]\d$/)
export const zoneOffset = numeric(/^\d{1,2}(?::\d{2})?$/)
export const isoDate = numeric(/^\d{4}-\d{2}-\d{2}$/)
export const dayNumber = numeric(/^(?:0?[1-9]|[12]\d|3[01])(?:st|nd|rd|th)?$/)
export const yearPattern = numeric(/^(?:19|20)\d{2}$/)

/** "min." → "min": the last word of a text keeps its full stop; "a.m." keeps its own. */
export function bare(norm: string): string {
  return norm.length > 1 && norm.endsWith('.') && norm.indexOf('.') === norm.length - 1 ? norm.slice(0, -1) : norm
}

export function isNumber(norm: string): boolean {
  // "forty-five"; without a hyphen both halves fail ("tens" → "ten" and "tens").
  const dash = norm.indexOf('-')
  return digitsPattern.test(norm) || numberWords.has(norm) || (numberWords.has(norm.slice(0, dash)) && numberWords.has(norm.slice(dash + 1)))
}

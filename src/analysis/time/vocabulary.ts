/**
 * The words and single-token shapes time expressions are built from. The
 * word lists are data (words.json, each with a note on why it is there);
 * this module turns them into sets once and adds the token patterns that
 * are code: anchored regexes on one word ("18:00", "3pm", "2-3").
 */
import words from './words.json' with {type: 'json'}

const set = (list: readonly string[]) => new Set(list)

export const numberWords = set(words.numberWords.words)
export const fuzzyQuantities = set(words.fuzzyQuantities.words)
/** Spelling → canonical unit: "hrs" → "hour". */
export const units = new Map(Object.entries(words.units.words).flatMap(([unit, spellings]) => spellings.map((spelling) => [spelling, unit] as const)))
export const countlessUnits = set(words.countlessUnits.words)
export const barePlurals = set(words.barePlurals.words)
export const orderWords = set(words.orderWords.words)
export const pastOrder = set(words.pastOrder.words)
export const verbBeforeLast = set(words.verbBeforeLast.words)
export const durationTails: readonly string[][] = words.durationTails.phrases

export const zones = set(words.zones.words)
export const zoneRegions = set(words.zoneRegions.words)
export const meridiems = set(words.meridiems.words)
export const namedClock = set(words.namedClock.words)

export const weekdays = set(words.weekdays.words)
export const months = set(words.months.words)
export const verbMonths = set(words.verbMonths.words)
export const dateFollowers = set(words.dateFollowers.words)
export const dayParts = set(words.dayParts.words)
export const theDayParts = set(words.theDayParts.words)
export const dayPartModifiers = set(words.dayPartModifiers.words)
export const relativeDays = new Set([...dayParts, ...words.relativeDays.words, ...weekdays])
export const deadlineAbbreviations = set(words.deadlineAbbreviations.words)
export const deadlineStarts: readonly string[][] = words.deadlineStarts.phrases
export const deadlineEnds = set(words.deadlineEnds.words)

export const vaguePhrases: readonly string[][] = words.vaguePhrases.phrases
export const vagueWords = set(words.vagueWords.words)
export const notVagueNext = set(words.notVagueNext.words)

export const aheadLeads = set(words.aheadLeads.words)
export const factLeads = set(words.factLeads.words)
export const cadenceLeads = set(words.cadenceLeads.words)
export const twoWordLeads = new Map(Object.entries(words.twoWordLeads.frames) as Array<[string, 'ahead' | 'fact']>)
export const spanLeads = set(words.spanLeads.words)
export const estimateWords = set(words.estimateWords.words)
export const factFollowers = set(words.factFollowers.words)
export const impactNouns = set(words.impactNouns.words)
export const impactLeads = set(words.impactLeads.words)
export const extraQuantities = set(words.extraQuantities.words)
export const topOfTheHour: readonly string[][] = words.topOfTheHour.phrases

/** The approximations ending in each word, in the data's order: only those can end just before a time. */
export const approximationsByLast = new Map<string, string[][]>()
for (const phrase of words.approximations.phrases) {
  const last = phrase.at(-1)!
  approximationsByLast.set(last, [...(approximationsByLast.get(last) ?? []), phrase])
}

export const pastSubjects = set(words.pastSubjects.words)
const irregularPast = set(words.irregularPast.words)

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

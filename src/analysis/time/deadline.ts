/**
 * When a promised update is due: "Next update in 30 minutes" posted at 14:00
 * is due at 14:30; "We will update by 3:00 PM PST" at 23:00 UTC. Relative
 * times count from the update's own time; clock times are read in the zone
 * the text names, else in the offset the update was posted with (a status
 * page's own zone). keep-update-promises reads this; findTimes gives the
 * expressions, this module only puts a number on them.
 *
 * Times without a number ("shortly", "as soon as we know more") have no due
 * time. Ranges and fuzzy amounts take their generous end ("in 1-2 hours" is
 * due in 2 hours, "a few hours" in 3), so a promise is only called broken
 * when every reading of it was broken.
 */
import type {Sentence} from '../../text/walk.ts'
import type {TimeExpression} from './expressions.ts'
import type {UpdatePromise} from './promises.ts'
import {bare, clockPattern, compactDuration, compactHoursMinutes, frenchClock, hourMeridiem, isoDate, meridiems, militaryClock, numberValues, rangePattern, units, weekdays} from './vocabulary.ts'
import {groupNumbers, groupOf} from '../../text/word-lists.ts'
import data from './deadline.json' with {type: 'json'}

/** When a promise is due, and the time expression that says so. */
export interface Deadline {
  /** Milliseconds since the epoch. */
  at: number
  /** The time the promise names ("in 30 minutes", "by 15:30 UTC"). */
  time: TimeExpression
}

const minute = 60_000
const hour = 60 * minute
const day = 24 * hour
const unitLength: Record<string, number> = {second: 1000, minute, hour, day, week: 7 * day}
const fixedOffsets = groupNumbers(data.fixed)
const regionZones = groupOf(data.regions)
const fuzzyValues = groupNumbers(data.fuzzyAmounts)
/** Parts of a day, as the wall-clock time they end at ("morning" → noon), in milliseconds after midnight. */
const dayEnds = new Map([...groupOf(data.dayEnds)].map(([word, clock]) => [word, sinceMidnight(clock)]))

/** "18:00" as milliseconds after midnight; deadline.json names its groups so. */
function sinceMidnight(clock: string): number {
  const parts = /^(\d{2}):(\d{2})$/.exec(clock)
  /* v8 ignore next -- @preserve only a typo in the shipped deadline.json reaches this */
  if (!parts) throw new Error(`deadline.json: dayEnds group "${clock}" is no HH:MM time`)
  return Number(parts[1]) * hour + Number(parts[2]) * minute
}

function numberValue(norm: string): number | undefined {
  if (/^\d{1,4}(?:\.\d{1,2})?$/.test(norm)) return Number(norm)
  // "forty-five"
  const [tens, ones] = norm.split('-')
  if (ones !== undefined && numberValues.has(tens!) && numberValues.has(ones)) return numberValues.get(tens!)! + numberValues.get(ones)!
  return numberValues.get(norm)
}

/** The length of a duration's words, at its generous end: "1-2 hours" is 2 hours, "an hour and a half" 90 minutes. */
export function durationLength(words: readonly string[]): number | undefined {
  let amount: number | undefined
  let total = 0
  for (let k = 0; k < words.length; k++) {
    const word = words[k]!
    const compact = /^(\d{1,4}(?:\.\d{1,2})?)([dhms]|secs?|mins?|minutes?|hrs?|hours?|days?)$/.exec(word)
    if (compact && compactDuration.test(word)) {
      total += Number(compact[1]) * unitLength[units.get(compact[2]!) ?? (compact[2] === 'd' ? 'day' : compact[2] === 'm' ? 'minute' : 'second')]!
      continue
    }
    const hoursMinutes = compactHoursMinutes.test(word) ? /^(\d+)h(\d+)m$/.exec(word) : null
    if (hoursMinutes) {
      total += Number(hoursMinutes[1]) * hour + Number(hoursMinutes[2]) * minute
      continue
    }
    const adjective = /^(\d{1,4}|half)-(second|minute|hour|day|week)s?$/.exec(word)
    if (adjective) {
      total += (adjective[1] === 'half' ? 0.5 : Number(adjective[1])) * unitLength[adjective[2]!]!
      continue
    }
    if (rangePattern.test(word)) amount = Number(word.split(/[-–]/)[1])
    else if (word === 'half') amount = amount === undefined ? 0.5 : amount + 0.5
    else if (word === 'several' || word === 'many') return undefined
    // "half an hour": the article does not undo the half.
    else if (fuzzyValues.has(word)) amount = word.startsWith('a') && amount !== undefined ? amount : fuzzyValues.get(word)
    else if (numberValue(word) !== undefined) amount = numberValue(word)
    else if (word === 'the' && amount === undefined) amount = 1
    const unit = units.get(word)
    if (unit === undefined) continue
    // "2 to 3 hours": the last number before the unit is the generous end.
    const length = (amount ?? 1) * unitLength[unit]!
    total += length
    // "an hour and a half": the half belongs to the unit before it.
    if (words[k + 1] === 'and' && words[k + 2] === 'a' && words[k + 3] === 'half') {
      total += length / (amount ?? 1) / 2
      k += 3
    }
    amount = undefined
  }
  return total > 0 ? total : undefined
}

interface WallClock {
  /** Milliseconds after midnight. */
  time: number
  /** "3:00" with no am/pm: the hour may be in the morning or the afternoon. */
  twelveHour: boolean
}

function clockOf(words: readonly string[], k: number): WallClock | undefined {
  const word = words[k]!
  if (word === 'noon' || word === 'midday') return {time: 12 * hour, twelveHour: false}
  if (word === 'midnight') return {time: day, twelveHour: false}
  let hours: number
  let minutes = 0
  let suffix = ''
  if (clockPattern.test(word)) {
    const [, h, m, rest] = /^(\d{1,2}):(\d{2})(?::\d{2})?(.*)$/.exec(word)!
    hours = Number(h)
    minutes = Number(m)
    suffix = rest!
  } else if (hourMeridiem.test(word)) {
    const [, h, rest] = /^(\d{1,2})(.*)$/.exec(word)!
    hours = Number(h)
    suffix = rest!
  } else if (frenchClock.test(word)) {
    const [h, m] = word.split('h')
    hours = Number(h)
    minutes = Number(m)
  } else if (militaryClock.test(word)) {
    hours = Number(word.slice(0, 2))
    minutes = Number(word.slice(2))
  } else if (/^\d{1,2}$/.test(word) && meridiems.has(words[k + 1] ?? '')) hours = Number(word)
  else return undefined
  const meridiem = suffix.startsWith('p') || suffix.startsWith('a') ? suffix[0] : meridiems.has(words[k + 1] ?? '') ? words[k + 1]![0] : undefined
  if (meridiem === 'p' && hours < 12) hours += 12
  if (meridiem === 'a' && hours === 12) hours = 0
  // "09:00" and "14h30" are written on a 24-hour clock; "9:00" may be either.
  const twelveHour = meridiem === undefined && hours >= 1 && hours <= 12 && clockPattern.test(word) && !word.startsWith('0')
  return {time: hours * hour + minutes * minute, twelveHour}
}

/** The offset (minutes east of UTC) of an IANA zone at `at`, from the runtime's zone data. */
function regionOffset(zone: string, at: number): number {
  const name = new Intl.DateTimeFormat('en-US', {timeZone: zone, timeZoneName: 'longOffset'}).formatToParts(at).find((part) => part.type === 'timeZoneName')!.value
  const match = /([+-])(\d{2}):(\d{2})/.exec(name)
  /* v8 ignore next -- @preserve "GMT" alone: a region that sits on UTC at that date */
  if (!match) return 0
  return (match[1] === '-' ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3]))
}

/** The zone the words name after position `k`, as minutes east of UTC; undefined when none is named. */
function zoneOf(words: readonly string[], signs: readonly string[], k: number, at: number): number | undefined {
  for (let i = k; i < words.length; i++) {
    const word = words[i]!
    const fixed = fixedOffsets.get(word)
    if (fixed !== undefined) {
      // "UTC+8", "GMT-05:00"
      const shift = /^(\d{1,2})(?::(\d{2}))?$/.exec(words[i + 1] ?? '')
      const sign = signs[i + 1]
      if (shift && (sign === '+' || sign === '-' || sign === '−')) return fixed + (sign === '+' ? 1 : -1) * (Number(shift[1]) * 60 + Number(shift[2] ?? 0))
      return fixed
    }
    const region = regionZones.get(word)
    if (region !== undefined) return regionOffset(region, at)
    // "14:30utc", "1500z"
    if (/\d(?:utc|gmt|z)$/.test(word)) return 0
  }
  return undefined
}

/** Midnight (as UTC milliseconds of the wall clock) of the day `at` falls on, `offset` minutes east of UTC. */
function wallMidnight(at: number, offset: number): number {
  const wall = at + offset * minute
  return wall - (((wall % day) + day) % day)
}

/** Days from the day of `wall` to the next `weekday` (0 when it is that day). */
function daysUntil(wall: number, weekday: string): number {
  const today = new Date(wall).getUTCDay()
  const target = ([...weekdays].indexOf(weekday) + 1) % 7
  return (target - today + 7) % 7
}

/** A clock or day expression's due time; `posted` and `offset` say when and in which zone the update was written. */
function pointIn(words: readonly string[], signs: readonly string[], posted: number, offset: number): number | undefined {
  // A window ("between 15:00 and 16:00") is due at its end: read the last clock.
  let clockAt = -1
  let clock: WallClock | undefined
  for (let k = 0; k < words.length; k++) {
    const found = clockOf(words, k)
    if (found) [clock, clockAt] = [found, k]
  }
  const topOfTheHour = words.includes('top') && words.includes('hour')
  const zone = clock ? zoneOf(words, signs, clockAt + 1, posted) : undefined
  const local = zone ?? offset
  const midnight = wallMidnight(posted, local)
  let dayShift: number | undefined
  let end: number | undefined
  for (const word of words) {
    if (word === 'tomorrow') dayShift = 1
    else if (word === 'today' || word === 'tonight') dayShift = 0
    else if (weekdays.has(word)) dayShift = daysUntil(midnight, word)
    else if (isoDate.test(word)) dayShift = Math.round((Date.parse(`${word}T00:00:00Z`) - midnight) / day)
    if (dayEnds.has(word)) end = dayEnds.get(word)
    else if (word === 'day' && words.includes('end')) end = day - minute
  }
  const wallPosted = posted + local * minute
  if (topOfTheHour) return posted + hour - (((wallPosted % hour) + hour) % hour)
  if (!clock) {
    if (dayShift === undefined && end === undefined) return undefined
    return midnight + (dayShift ?? 0) * day + (end ?? day - minute) - local * minute
  }
  const base = midnight + (dayShift ?? 0) * day
  // A named zone goes with a 24-hour clock: "9:00 UTC" is the morning.
  const candidates = clock.twelveHour && zone === undefined ? [clock.time, clock.time + 12 * hour] : [clock.time]
  for (const shift of dayShift === undefined ? [0, day] : [0]) {
    // Without a day, the next time the clock shows that time after posting.
    const due = candidates.map((time) => base + shift + time).find((wall) => dayShift !== undefined || wall > wallPosted)
    if (due !== undefined) return due - local * minute
  }
  /* v8 ignore next -- @preserve unreachable: the next day always has a later time */
  return undefined
}

/**
 * When `promise` is due, or undefined when none of its times has a number.
 * `posted` is when the update went out; `offset` the minutes east of UTC it
 * was posted in, for clock times that name no zone. The earliest due time
 * wins: "in 30 minutes, and again at 17:00" is due in 30 minutes.
 */
export function promiseDeadline(sentence: Sentence, promise: UpdatePromise, posted: number, offset: number): Deadline | undefined {
  let best: Deadline | undefined
  for (const time of promise.times) {
    if (time.vague || time.slot) continue
    const slice = sentence.words.slice(time.from, time.to + 1)
    const words = slice.map((word) => bare(word.norm))
    // The characters before each word: the sign of "UTC+8".
    const signs = slice.map((word, k) => (k === 0 ? '' : sentence.text.slice(slice[k - 1]!.end - sentence.start, word.start - sentence.start).trim()))
    const at = time.kind === 'duration' ? posted + (durationLength(words) ?? Number.NaN) : pointIn(words, signs, posted, offset)
    if (at !== undefined && !Number.isNaN(at) && (!best || at < best.at)) best = {at, time}
  }
  return best
}

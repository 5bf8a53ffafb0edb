/**
 * The shapes a time takes, read from word `i` on: a duration ("the next 30
 * minutes", "a couple of hours"), a clock ("3:00 PM PST", "14h30 UTC"), a
 * day or date ("tomorrow morning", "by EOD", "16 May", "Tuesday,
 * 2022-06-21") or a vague time ("shortly", "before long"). How the sentence
 * frames each one (a lead, ahead or fact) is expressions.ts's business.
 */
import type {PlaceholderInfo} from '../../text/placeholders.ts'
import {
  adjectiveDuration, bare, barePlurals, clockPattern, clockStarts, compactDuration, compactHoursMinutes, countlessUnits,
  dateFollowers, dayNumber, dayPartModifiers, dayParts, dayStarts, deadlineAbbreviations, deadlineEnds, deadlineStarts,
  durationStarts, durationTails, verbBeforeLast, extraQuantities, frenchClock, fuzzyQuantities, hourMeridiem, isNumber, isoDate,
  meridiems, militaryClock, months, namedClock, notVagueNext, orderWords, pastOrder, rangePattern,
  relativeDays, startsWithDigit, theDayParts, topOfTheHour, units, vaguePhrases, vagueStarts, vagueWords,
  verbMonths, weekdays, yearPattern, zoneOffset, zoneRegions, zones,
} from './vocabulary.ts'
import {WordReader} from './word-reader.ts'

/** duration "in 30 minutes", clock "by 18:00 UTC", day "tomorrow" / "by EOD", vague "shortly". */
export type TimeKind = 'duration' | 'clock' | 'day' | 'vague'

export interface Core {
  kind: TimeKind
  /** Exclusive end index in words. */
  next: number
  /** "the last hour", "the past day". */
  past?: boolean
  /** Counts only after a preposition ("within hours"). */
  needsLead?: boolean
  /** Two clock times: "09:00 - 09:45 UTC", "13:05 to 13:40". */
  range?: boolean
  /** The template placeholder the time is written as (slots.ts), and its offsets. */
  slot?: PlaceholderInfo
  span?: [number, number]
}

export class ShapeReader extends WordReader {
  /** Index after a quantity at `i`, or -1: "30", "2-3", "2 to 3", "10–15", "forty-five", "a few", "a couple of", "half an". */
  quantity(i: number): number {
    const norm = this.w(i)
    if (rangePattern.test(norm)) return i + 1
    // "takes between 20 and 40 minutes": a range of durations, framed by the lead before "between".
    if (norm === 'between') return isNumber(this.nx(i + 1)) && this.nx(i + 2) === 'and' && isNumber(this.nx(i + 3)) ? i + 4 : -1
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
    // "may last several hours": "last" is the verb, and the duration starts after it.
    if (order === 'last' && at === i && verbBeforeLast.has(this.w(i - 1))) return undefined
    if (orderWords.has(order)) at++
    const framed = at > i
    const past = pastOrder.has(order)
    if (framed && !this.joined(at, '~')) return undefined
    let afterQuantity = this.quantity(at)
    if (afterQuantity !== -1) {
      // "2 more hours", "several more hours", "a few extra minutes"
      if (extraQuantities.has(this.nx(afterQuantity))) afterQuantity++
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
    else if (/^\d{1,2}$/.test(norm) && Number(norm) >= 1 && Number(norm) <= 12 && meridiems.has(this.nx(i + 1))) next = i + 2
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
    if (months.has(norm) && dayNumber.test(this.nx(i + 1)) && this.isMonth(i, false)) return this.year(i + 2)
    if (dayNumber.test(norm) && months.has(this.nx(i + 1)) && this.isMonth(i + 1, true)) return this.year(i + 2)
    return -1
  }

  /**
   * Whether the month name at `i` is a month rather than a verb ("may",
   * "march"). A verb month must be capitalised, and after a day number
   * ("16 May") no verb may follow it: in "Route 53 May see errors" the word
   * after is neither a year, a clock nor a word that follows dates, so "May"
   * is the modal.
   */
  isMonth(i: number, dayFirst: boolean): boolean {
    if (!verbMonths.has(this.w(i))) return true
    const first = this.words[i]!.text[0]!
    if (first !== first.toUpperCase()) return false
    const after = this.nx(i + 1)
    return !dayFirst || after === '' || startsWithDigit(after) || dateFollowers.has(after)
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
    // "by Thursday morning", "on Friday evening"
    if (weekdays.has(norm) && dayParts.has(this.nx(i + 1))) return i + 2
    // "by early afternoon", "until late evening"
    if (dayPartModifiers.has(norm)) return dayParts.has(this.nx(i + 1)) ? i + 2 : -1
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
    if (vagueWords.has(norm)) {
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
    // "over the weekend", "by the afternoon": a time only after a lead.
    if (norm === 'the' && theDayParts.has(this.nx(i + 1))) return {kind: 'day', next: i + 2, needsLead: true}
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
}

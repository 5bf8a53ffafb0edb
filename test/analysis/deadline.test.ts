/** When a promised update is due: relative times from the update's own time, clock times in the zone the text names. */
import {describe, expect, it} from 'vitest'
import {VFile} from 'vfile'
import {buildDoc} from '../../src/engine/doc.ts'
import {parse} from '../../src/processors.ts'
import {findPromises} from '../../src/analysis/time/promises.ts'
import {durationLength, promiseDeadline} from '../../src/analysis/time/deadline.ts'

const posted = Date.parse('2026-03-02T14:00:00Z') // a Monday

/** The due time of the first promise in `text`, as an ISO string in UTC, or undefined. */
function due(text: string, offset = 0, at = posted): string | undefined {
  const doc = buildDoc(new VFile(text), parse)
  for (const sentence of doc.sentences) {
    for (const promise of findPromises(sentence)) {
      const deadline = promiseDeadline(sentence, promise, at, offset)
      if (deadline) return new Date(deadline.at).toISOString().slice(0, 16)
    }
  }
  return undefined
}

describe('promiseDeadline', () => {
  it('counts relative promises from the update, at their generous end', () => {
    expect(due('Next update in 30 minutes.')).toBe('2026-03-02T14:30')
    expect(due('We will provide an update within the hour.')).toBe('2026-03-02T15:00')
    expect(due('We will post another update in the next 45 mins.')).toBe('2026-03-02T14:45')
    expect(due('Next update in 1-2 hours.')).toBe('2026-03-02T16:00')
    expect(due('We will provide another update in an hour and a half.')).toBe('2026-03-02T15:30')
    expect(due('We will update you in a couple of hours.')).toBe('2026-03-02T16:00')
    expect(due('We will share more within thirty minutes.')).toBe('2026-03-02T14:30')
    expect(due('Updates every 20 minutes.')).toBe('2026-03-02T14:20')
    expect(due('We will provide an update within 30-60 minutes.')).toBe('2026-03-02T15:00')
    expect(due('Next update in half an hour.')).toBe('2026-03-02T14:30')
  })

  it('reads clock times in the zone the text names', () => {
    expect(due('Next update: 16:00 UTC.')).toBe('2026-03-02T16:00')
    expect(due('We will update by 3:00 PM PST.')).toBe('2026-03-02T23:00')
    expect(due('Next update at 14:30 UTC+8.', 0, Date.parse('2026-03-02T05:00:00Z'))).toBe('2026-03-02T06:30')
    expect(due('We will update by 14h30 CET.')).toBe('2026-03-03T13:30')
    expect(due('We will provide an update by noon ET.', 0, Date.parse('2026-03-02T12:00:00Z'))).toBe('2026-03-02T17:00')
    // Summer time: Eastern is four hours behind UTC in July.
    expect(due('We will provide an update by noon ET.', 0, Date.parse('2026-07-02T12:00:00Z'))).toBe('2026-07-02T16:00')
    expect(due('We will post an update by 9 a.m. Pacific Time tomorrow.')).toBe('2026-03-03T17:00')
  })

  it('reads a clock without a zone in the offset the update was posted with, at its next occurrence', () => {
    // Posted 14:00 UTC = 15:00 in +01:00; "16:30" there is 15:30 UTC.
    expect(due('Next update at 16:30.', 60)).toBe('2026-03-02T15:30')
    // "3:00" after 14:00 is the afternoon.
    expect(due('Next update at 3:00.')).toBe('2026-03-02T15:00')
    // A time already past today is tomorrow's.
    expect(due('Next update at 09:00.')).toBe('2026-03-03T09:00')
    expect(due('We will update this page by the top of the hour.', 0, Date.parse('2026-03-02T14:25:00Z'))).toBe('2026-03-02T15:00')
    expect(due('We will post an update at 15:30 or 16:00 UTC at the latest.')).toBe('2026-03-02T15:30')
  })

  it('reads days and deadlines as the end of that day or part of it', () => {
    expect(due('Next update tomorrow morning.')).toBe('2026-03-03T12:00')
    expect(due('We will post an update by end of day.')).toBe('2026-03-02T23:59')
    expect(due('We will provide an update by COB.')).toBe('2026-03-02T18:00')
    expect(due('Next update by 2026-03-04 09:00 UTC.')).toBe('2026-03-04T09:00')
    expect(due('We will share an update on Wednesday.')).toBe('2026-03-04T23:59')
    expect(due('We will provide an update this evening.', -300)).toBe('2026-03-03T04:59')
  })

  it('gives no due time when nothing says when', () => {
    expect(due('We will post an update as soon as we know more.')).toBeUndefined()
    expect(due('More updates to follow shortly.')).toBeUndefined()
    expect(due('We will provide an update in several hours.')).toBeUndefined()
    expect(due('We are investigating.')).toBeUndefined()
  })

  it('takes the earliest of several times', () => {
    expect(due('We will post an update by 17:00 UTC or in 30 minutes, whichever is sooner.')).toBe('2026-03-02T14:30')
  })
})

describe('durationLength', () => {
  it('reads compact and hyphenated durations', () => {
    expect(durationLength(['30m'])).toBe(30 * 60_000)
    expect(durationLength(['2h'])).toBe(2 * 3_600_000)
    expect(durationLength(['1h30m'])).toBe(90 * 60_000)
    expect(durationLength(['90min'])).toBe(90 * 60_000)
    expect(durationLength(['2d'])).toBe(2 * 86_400_000)
    expect(durationLength(['15-minute'])).toBe(15 * 60_000)
    expect(durationLength(['half-hour'])).toBe(30 * 60_000)
    expect(durationLength(['forty-five', 'minutes'])).toBe(45 * 60_000)
    expect(durationLength(['minutes'])).toBe(60_000)
    expect(durationLength(['soon'])).toBeUndefined()
  })
})

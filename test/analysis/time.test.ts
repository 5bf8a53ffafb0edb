/**
 * Time expressions, clauses and update promises (src/analysis/time/). The
 * rules built on them are tested by their fixtures; these tables pin the
 * shapes the parser reads, including ones no fixture needs to show.
 */
import retextEnglish from 'retext-english'
import {unified} from 'unified'
import {VFile} from 'vfile'
import {describe, expect, it} from 'vitest'
import {ConfigError, lint} from '../../src/index.ts'
import {findClauses, looksAhead} from '../../src/analysis/time/clauses.ts'
import {findTimes} from '../../src/analysis/time/expressions.ts'
import {findPromises} from '../../src/analysis/time/promises.ts'
import {isRetrospective} from '../../src/analysis/time/retrospective.ts'
import {getDoc} from '../../src/engine/doc.ts'

const parser = unified().use(retextEnglish)

function doc(text: string) {
  const file = new VFile({value: text})
  return getDoc(parser.parse(file), file)
}

/** Every time expression in `text`, as "text kind frame". */
function times(text: string): string[] {
  return doc(text).sentences.flatMap((sentence) => findTimes(sentence).map((time) => `${time.text} ${time.kind} ${time.frame}`))
}

describe('findTimes', () => {
  it.each([
    ['Next update at the top of the hour.', ['at the top of the hour clock ahead']],
    ['Fixed by top of the hour.', ['by top of the hour clock ahead']],
    ['Live by 0700 UTC, not at 0700.', ['by 0700 UTC clock ahead']],
    ['Back by 14:00 UTC+2.', ['by 14:00 UTC+2 clock ahead']],
    ['Back by 9am Pacific.', ['by 9am Pacific clock ahead']],
    ['Back by 9am local time.', ['by 9am local time clock ahead']],
    ['Back at 7:25 am (PST) today.', ['at 7:25 am (PST) today clock ahead']],
    ['Back at 7:25 am (PST and later.', ['at 7:25 am clock ahead']],
    ['Out from 09:00 - 09:45 UTC.', ['from 09:00 - 09:45 UTC clock fact']],
    ['Out at 09:00 - lunch.', ['at 09:00 clock ahead']],
    ['Out at 09:00 to lunch.', ['at 09:00 clock ahead']],
    ['Fixed tomorrow at 9am.', ['tomorrow at 9am day ahead']],
    ['Fixed by Tuesday, 09:00 CET.', ['by Tuesday, 09:00 CET day ahead']],
    ['Fixed by September 12th, 2026.', ['by September 12th, 2026 day ahead']],
    ['Fixed later this week, not later this year, nor later.', ['later this week day ahead']],
    ['Fixed by the end of the day.', ['by the end of the day day ahead']],
    ['Fixed by the end of the road.', []],
    ['Fixed very soon, not very, soon.', ['very soon vague ahead', 'soon vague ahead']],
    ['Resolved as soon as possible, soon after the deploy.', []],
    ['Restored no later than 18:00 UTC, later than 19:00.', ['no later than 18:00 UTC clock ahead', '19:00 clock ahead']],
    ['An ETA of 2 hours; delays of 2 hours; an estimate of the last hour.', ['2 hours duration ahead', '2 hours duration fact', 'the last hour duration fact']],
    ['Over the next 6 hours, over the past hour, over 2 hours.', ['Over the next 6 hours duration ahead', 'over the past hour duration fact', 'over 2 hours duration fact']],
    ['In half a day or in half hour.', ['In half a day duration ahead', 'in half hour duration ahead']],
    ['In forty-five minutes, not twenty-x minutes or forty-five-six minutes.', ['In forty-five minutes duration ahead']],
    ['In the next, 6 hours.', ['6 hours duration ahead']],
    ['In 30, minutes.', []],
    ['Within hours, but hours alone are not a time.', ['Within hours duration ahead']],
    ['In a second region.', []],
    ['Estimating up to 12 hours; delays up to 12 hours.', ['up to 12 hours duration ahead', 'up to 12 hours duration fact']],
    ['A 15-minute delay, 2 hours ago, every 5 minutes.', ['15-minute duration fact', '2 hours duration fact', 'every 5 minutes duration cadence']],
    ['We deployed at 14:00 UTC; it will be deployed at 15:00 UTC.', ['at 14:00 UTC clock fact', 'at 15:00 UTC clock ahead']],
    ['Fix ETA: ~07:00 UTC, ETA ~2h.', ['~07:00 UTC clock ahead', '~2h duration ahead']],
    ['Back in 5 min.', ['in 5 min duration ahead']],
  ])('%s', (text, expected) => {
    expect(times(text)).toEqual(expected)
  })

  it('marks windows and vague times', () => {
    const [window, vague] = findTimes(doc('Between 09:00 and 09:45 UTC, and soon.').sentences[0]!)
    expect(window).toMatchObject({window: true, vague: false, lead: 'between'})
    expect(vague).toMatchObject({window: false, vague: true, lead: undefined})
  })
})

describe('findClauses', () => {
  it.each([
    ['We are working to resolve this and will post an update in 30 minutes.', ['We are working to resolve this', '+will post an update in 30 minutes']],
    ['It broke; we are on it — and fixing it.', ['It broke', 'we are on it', 'and fixing it']],
    ['We will post an update as soon as we know more.', ['We will post an update', 'we know more']],
    ['Things are back up and running, but slowly.', ['Things are back up and running', 'slowly']],
    ['The batch that will need reprocessing, and which will run later.', ['The batch', '+will need reprocessing', '+will run later']],
    ['It is fixed, but', ['It is fixed']],
  ])('%s', (text, expected) => {
    const {sentences} = doc(text)
    const clauses = sentences.flatMap((sentence) => findClauses(sentence))
    expect(clauses.map((clause) => (clause.continues ? '+' : '') + text.slice(clause.start, clause.end))).toEqual(expected)
  })
})

describe('looksAhead', () => {
  it.each([
    ["We're going to fix it.", true],
    ['We should have fixed it.', false],
    ['We will have fixed it.', true],
    ["We won't have it fixed.", true],
    ['We expect a fix.', true],
    ['We fixed it.', false],
    ['We should have this fixed by noon.', true],
    ['It ends where we should have', true],
  ])('%s → %s', (text, expected) => {
    const {words} = doc(text).sentences[0]!
    expect(looksAhead(words, 0, words.length - 1)).toBe(expected)
  })
})

describe('findPromises', () => {
  it.each([
    ['Next update in 30 minutes.', ['Next update in 30 minutes']],
    ['We will deploy an update within the hour.', []],
    ['We will update the load balancer.', []],
    ['We will update the page and the DNS.', ['We will update the page and the DNS']],
    ['We will update DNS.', []],
    ['We will update this', []],
    ['We will update.', ['We will update']],
    ['No further updates will be posted.', []],
    ['We posted an update.', []],
    ['We continue to post updates.', ['We continue to post updates']],
    ['We will monitor and update as things change.', ['update as things change']],
  ])('%s', (text, expected) => {
    const {sentences} = doc(text)
    const promises = sentences.flatMap((sentence) => findPromises(sentence))
    expect(promises.map((promise) => text.slice(promise.clause.start, promise.clause.end))).toEqual(expected)
  })
})

describe('isRetrospective', () => {
  it.each([
    ['Between 09:00 and 09:45 UTC, API requests failed.', true],
    ['Between 09:00 and 09:45 UTC on 16 May, API requests failed.', true],
    ['Between 09:00 and 09:45 UTC, API requests failed. We are still investigating.', false],
    ['Between 09:00 and 09:45 UTC, API requests failed. We will share a report.', false],
    ['Since 09:00 UTC, API requests have failed.', false],
    ['That is.', false],
  ])('%s → %s', (text, expected) => {
    expect(isRetrospective(doc(text).sentences)).toBe(expected)
  })
})

describe('require-next-update options', () => {
  it.each([
    ['closed', 'Rule "require-next-update": option "phases" has unknown phase "closed" (expected "investigating", "identified", "monitoring", "undetected", "scheduled")'],
    [
      'resolved',
      'Rule "require-next-update": option "phases" has unknown phase "resolved" (expected "investigating", "identified", "monitoring", "undetected", "scheduled"; resolved updates never need a next update)',
    ],
  ])('rejects %j', async (phase, message) => {
    await expect(lint('x', {rules: {'require-next-update': ['warn', {phases: [phase]}]}})).rejects.toThrow(new ConfigError(message))
  })
})

/**
 * The playground's range bookkeeping, without a browser: underlines must
 * stay on their words between a keystroke and the next lint.
 */
import {describe, expect, it} from 'vitest'
import {type Problem, problemsAt, segment, shift, summarize} from '../../web/src/problems.ts'

function problem(start: number, end: number, severity: Problem['severity'] = 'error'): Problem {
  return {start, end, severity, ruleId: 'r', messageId: 'm', reason: '', note: undefined, url: undefined, actual: undefined, expected: []}
}

const spans = (problems: Problem[]) => problems.map(({start, end}) => [start, end])

describe('shift', () => {
  const text = 'We think db-01 is down.'
  const host = problem(9, 14) // db-01

  it('moves ranges after an insertion and keeps those before it', () => {
    expect(spans(shift([problem(0, 8), host], text, `Now ${text}`))).toEqual([[4, 12], [13, 18]])
    expect(spans(shift([host], text, `${text} More.`))).toEqual([[9, 14]])
  })

  it('stretches a range typed into and trims one the edit cuts into', () => {
    expect(spans(shift([host], text, 'We think db-001 is down.'))).toEqual([[9, 15]])
    expect(spans(shift([host], text, 'We think db is down.'))).toEqual([[9, 11]])
    // A word replaced wholesale stays underlined until the lint answers.
    expect(spans(shift([host], text, 'We think x is down.'))).toEqual([[9, 10]])
    expect(spans(shift([host], text, 'We think db-01'))).toEqual([[9, 14]])
    expect(spans(shift([host], text, 'We think d'))).toEqual([[9, 10]])
    expect(spans(shift([host], text, 'We think '))).toEqual([])
  })

  it('keeps the surviving end of a range whose start was replaced', () => {
    // "nk db-01" after "think" became "all": " db-01" is left.
    expect(spans(shift([problem(6, 14)], text, 'We all db-01 is down.'))).toEqual([[6, 12]])
  })

  it('returns the same ranges when nothing changed', () => {
    expect(spans(shift([host], text, text))).toEqual([[9, 14]])
  })
})

describe('segment', () => {
  it('cuts overlapping problems into runs that list every problem over them', () => {
    expect(segment(10, [problem(2, 6), problem(4, 10)])).toEqual([
      {start: 0, end: 2, problems: []},
      {start: 2, end: 4, problems: [0]},
      {start: 4, end: 6, problems: [0, 1]},
      {start: 6, end: 10, problems: [1]},
    ])
  })

  it('widens an empty range to one character and clamps ranges to the text', () => {
    expect(segment(5, [problem(5, 5), problem(3, 99)])).toEqual([
      {start: 0, end: 3, problems: []},
      {start: 3, end: 4, problems: [1]},
      {start: 4, end: 5, problems: [0, 1]},
    ])
  })
})

it('finds the problems under the caret, ends included', () => {
  expect(problemsAt([problem(0, 8), problem(9, 14)], 8)).toEqual([0])
  expect(problemsAt([problem(0, 8), problem(9, 14)], 9)).toEqual([1])
})

it('summarizes counts by severity', () => {
  expect(summarize([])).toBe('No problems')
  expect(summarize([problem(0, 1), problem(1, 2, 'warning'), problem(2, 3, 'warning')])).toBe('3 problems: 1 error, 2 warnings')
})

/** From vfile messages to ESLint-shaped results. */
import {VFile} from 'vfile'
import {describe, expect, it} from 'vitest'
import {errorsOnly, ignoredResult, toResult, totals} from '../../src/cli/results.ts'

function fileWith(...messages: Array<(file: VFile) => void>): VFile {
  const file = new VFile({value: 'We think it is slow.', path: 'a.txt'})
  for (const add of messages) add(file)
  return file
}

describe('toResult', () => {
  it('turns a rule report into an ESLint message with suggestions over exact offsets', () => {
    const file = fileWith((f) => {
      const m = f.message('Guess', {place: {start: {line: 1, column: 1, offset: 0}, end: {line: 1, column: 9, offset: 8}}, ruleId: 'no-speculation', source: 'liaison'})
      Object.assign(m, {fatal: true, actual: 'We think', expected: ['We know', ''], messageId: 'belief', url: 'https://example.com/r'})
    })
    expect(toResult('/x/a.txt', file)).toEqual({
      filePath: '/x/a.txt',
      errorCount: 1,
      warningCount: 0,
      messages: [
        {
          ruleId: 'no-speculation',
          severity: 2,
          message: 'Guess',
          line: 1,
          column: 1,
          endLine: 1,
          endColumn: 9,
          messageId: 'belief',
          url: 'https://example.com/r',
          actual: 'We think',
          expected: ['We know', ''],
          suggestions: [
            {desc: 'Replace "We think" with "We know"', fix: {range: [0, 8], text: 'We know'}},
            {desc: 'Remove "We think"', fix: {range: [0, 8], text: ''}},
          ],
        },
      ],
    })
  })

  it('keeps a message without a place, or with a point, and offers no fix without offsets', () => {
    const file = fileWith(
      (f) => Object.assign(f.message('Whole file'), {expected: ['x']}),
      (f) => Object.assign(f.message('At a point', {place: {line: 2, column: 3}}), {fatal: false, expected: []}),
    )
    expect(toResult('a.txt', file).messages).toEqual([
      {ruleId: null, severity: 1, message: 'Whole file', expected: ['x']},
      {ruleId: null, severity: 1, message: 'At a point', line: 2, column: 3},
    ])
  })
})

describe('counting', () => {
  it('counts, filters to errors, and totals', () => {
    const file = fileWith(
      (f) => Object.assign(f.message('E', {place: {line: 1, column: 1}}), {fatal: true}),
      (f) => f.message('W', {place: {line: 1, column: 2}}),
    )
    const result = toResult('a.txt', file)
    expect([result.errorCount, result.warningCount]).toEqual([1, 1])
    expect(errorsOnly(result)).toMatchObject({errorCount: 1, warningCount: 0, messages: [{message: 'E'}]})
    expect(totals([result, ignoredResult('b.txt', 'it is inside node_modules')])).toEqual({errors: 1, warnings: 2})
  })
})

/** wordIndex: whether a word of the walk starts in a range, with the words in order or not (a doc's prose and code sentences interleave). */
import {describe, expect, it} from 'vitest'
import {type Sentence, type Word, wordIndex} from '../../src/text/walk.ts'

const word = (start: number): Word => ({text: 'w', norm: 'w', start, end: start + 1, literal: false, gap: false})
const sentence = (starts: number[]): Sentence => ({index: 0, text: '', start: starts[0] ?? 0, end: (starts.at(-1) ?? 0) + 1, words: starts.map(word)})

describe('wordIndex', () => {
  const starts = [2, 5, 9, 14, 20, 27]
  const brute = (start: number, end: number) => starts.some((at) => at >= start && at < end)

  it.each([
    ['in order', [sentence([2, 5, 9]), sentence([14, 20, 27])]],
    ['out of order', [sentence([14, 20, 27]), sentence([2, 5]), sentence([9])]],
  ])('answers every range as a scan of all words would: %s', (_, sentences) => {
    const inProse = wordIndex(() => sentences)
    for (let start = 0; start <= 30; start++) {
      for (let end = start; end <= 31; end++) expect(inProse(start, end), `${start}..${end}`).toBe(brute(start, end))
    }
  })
})

/** The linear grapheme walk must agree with Intl.Segmenter, which it only avoids for speed. */
import {describe, expect, it} from 'vitest'
import {graphemes} from '../../src/engine/graphemes.ts'

const reference = new Intl.Segmenter('en', {granularity: 'grapheme'})
const pieces = ['a', ' ', '\r', '\n', 'é', 'e\u0301', '👩🏽‍💻', '🇺🇦', '1\u20e3', '#️⃣', '故', 'ก\u0e31', '\u200d', '\ufe0f', '🏽', 'x', '.', '🐦‍🔥', '\u0600', '각']

describe('graphemes', () => {
  it('agrees with Intl.Segmenter on 2,000 generated strings', () => {
    let seed = 7
    const next = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648
      return seed % n
    }
    for (let i = 0; i < 2000; i++) {
      let text = ''
      for (let j = next(30); j > 0; j--) text += pieces[next(pieces.length)]
      const expected = [...reference.segment(text)].map(({segment, index}) => [segment, index])
      expect([...graphemes(text)].map(({segment, index}) => [segment, index]), JSON.stringify(text)).toEqual(expected)
    }
  })
})

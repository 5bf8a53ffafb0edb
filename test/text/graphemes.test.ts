/** The linear grapheme walk must agree with Intl.Segmenter, which it only avoids for speed. */
import {describe, expect, it} from 'vitest'
import {graphemes, segmenterWindow} from '../../src/text/graphemes.ts'

const reference = new Intl.Segmenter('en', {granularity: 'grapheme'})
const pieces = ['a', ' ', '\r', '\n', 'é', 'e\u0301', '👩🏽‍💻', '🇺🇦', '1\u20e3', '#️⃣', '故', 'ก\u0e31', '\u200d', '\ufe0f', '🏽', 'x', '.', '🐦‍🔥', '\u0600', '각']

describe('graphemes', () => {
  it('agrees with Intl.Segmenter on long runs, which it segments a window at a time', () => {
    // No two characters below U+0300 in a row, so each text is one run, many windows long.
    const units = ['\u05d0', '\u05d1 ', 'e\u0301', '\ud800', '\udc00', '🇺🇦', '🇺', '👩🏽\u200d💻', '\u0301', 'ก\u0e31', '각', '\u200d', ' \ufe0f']
    let seed = 11
    const next = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648
      return seed % n
    }
    const texts = ['e' + '\u0301'.repeat(segmenterWindow * 3), '🇺'.repeat(segmenterWindow + 1), '\u05d0 '.repeat(segmenterWindow)]
    for (let i = 0; i < 40; i++) {
      let text = ''
      for (let j = 200 + next(600); j > 0; j--) text += units[next(units.length)]
      texts.push(text)
    }
    for (const text of texts) {
      const expected = [...reference.segment(text)].map(({segment, index}) => [segment, index])
      expect([...graphemes(text)].map(({segment, index}) => [segment, index]), JSON.stringify(text.slice(0, 80))).toEqual(expected)
    }
  })

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

/** Twitter's weighted length of Latin text: walked to the limit, counted past it (src/analysis/length.ts). */
import {describe, expect, it} from 'vitest'
import {measure, measureText} from '../../src/analysis/length.ts'
import {findLinks} from '../../src/text/links.ts'

/** Deterministic pseudo-random Latin texts (no Math.random): words, links, CR LF, lone CR and LF. */
function* texts(count: number): Generator<string> {
  let state = 7
  const next = (n: number) => {
    // A 32-bit LCG's high bits: its low bits cycle too soon to mix the parts.
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0
    return (state >>> 16) % n
  }
  const parts = ['We', 'are', 'investigating', ' ', ' ', '.', '\r\n', '\r', '\n', 'https://status.example.com/x', 'example.com', 'mailto:a@b.co', 'ftp://x.org', '(', ')', 'é']
  for (let i = 0; i < count; i++) {
    let text = ''
    const length = next(120)
    for (let j = 0; j < length; j++) text += parts[next(parts.length)]
    yield text
  }
}

/** The definition, one character at a time: every character weighs 1 (a CR LF pair 2, as one), every http(s) or bare link 23 in all. */
function reference(text: string, limit: number): {length: number; overflow: number | undefined} {
  const links = findLinks(text).filter((link) => link.scheme === undefined || link.scheme === 'http' || link.scheme === 'https')
  let length = 0
  let overflow: number | undefined
  for (let index = 0; index < text.length; ) {
    const link = links.find((candidate) => candidate.start <= index && index < candidate.end)
    const size = text.startsWith('\r\n', index) ? 2 : 1
    length += link ? (index === link.start ? 23 : 0) : size
    if (overflow === undefined && length > limit) overflow = index
    index += size
  }
  return {length, overflow}
}

describe('measure() on Latin text for twitter', () => {
  it('gives the length and overflow of the definition, whatever the limit, on 300 generated texts', () => {
    for (const text of texts(300)) {
      // Every limit up to 100: the walk stops at each character in turn, a link's start and a CR LF among them.
      for (let limit = 1; limit <= 100; limit++) {
        const {length, overflow} = measure(text, 'twitter', limit)
        expect({length, overflow}, JSON.stringify(text)).toEqual(reference(text, limit))
      }
    }
  })

  it('takes the links of the text when given, as found by findLinks', () => {
    for (const text of texts(100)) {
      expect(measureText(text, 'twitter', 40, findLinks(text)), JSON.stringify(text)).toEqual(measure(text, 'twitter', 40))
      expect(measureText(text, 'mastodon', 40, findLinks(text)), JSON.stringify(text)).toEqual(measure(text, 'mastodon', 40))
    }
  })
})

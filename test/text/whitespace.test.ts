/** splitOnWhitespace is a faster `matchAll(/\S+/g)`: the two must agree on every string. */
import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {isWhitespace, splitOnWhitespace} from '../../src/text/whitespace.ts'

const viaRegex = (text: string) => [...text.matchAll(/\S+/g)].map((match) => ({text: match[0], start: match.index}))

describe('splitOnWhitespace', () => {
  it('treats exactly the characters of \\s as whitespace, over the whole Basic Multilingual Plane', () => {
    for (let code = 0; code <= 0xffff; code++) expect(isWhitespace(code), `U+${code.toString(16)}`).toBe(/\s/.test(String.fromCharCode(code)))
  })

  it('gives the tokens and offsets matchAll(/\\S+/g) gives', () => {
    expect(splitOnWhitespace('  Update:\tAPI\u00a0errors\u3000 ')).toEqual(viaRegex('  Update:\tAPI\u00a0errors\u3000 '))
    expect(splitOnWhitespace('')).toEqual([])
    const spaced = fc.string({unit: fc.constantFrom('a', 'B', '1', ':', ' ', '\t', '\n', '\u00a0', '\u2003', '\u2028', '\ufeff', '\u200b', 'é', '\ud83d')})
    fc.assert(fc.property(fc.oneof(spaced, fc.string({unit: 'binary'})), (text) => {
      expect(splitOnWhitespace(text)).toEqual(viaRegex(text))
    }))
  })
})

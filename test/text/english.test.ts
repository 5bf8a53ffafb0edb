/**
 * src/text/english.ts must build exactly retext-english's tree: the same
 * nodes, values and positions, and the same point objects shared between a
 * node and its children (parseInChunks moves each shared point once).
 */
import fc from 'fast-check'
import type {Root} from 'nlcst'
import retextEnglish from 'retext-english'
import {unified} from 'unified'
import {describe, expect, it} from 'vitest'
import {guardsApply, parseEnglish} from '../../src/text/english.ts'
import {unicodeMessage} from '../support/arbitraries.ts'

const processor = unified().use(retextEnglish)
const reference = (value: string): Root => processor.parse(value)

/** The tree as JSON, each object after its first appearance written as a reference to it: sharing shows. */
function shape(tree: Root): string {
  const seen = new Map<object, number>()
  return JSON.stringify(tree, (_key, value: unknown) => {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return value
    const id = seen.get(value)
    if (id !== undefined) return `#${id}`
    seen.set(value, seen.size)
    return value
  })
}

const same = (text: string) => expect(shape(parseEnglish(text))).toBe(shape(reference(text)))

describe('parseEnglish', () => {
  it('knows the plugin lists of the installed parse-english, so texts skip the plugins they give nothing to', () => {
    expect(guardsApply).toBe(true)
  })

  it.each([
    '',
    'We are investigating delayed notifications for db-01 (10.0.0.1), e.g. in the U.S. region.',
    'One.\r\rTwo.\n\nThree\rfour.\r\n\r\nFive…  Six!!! ?? --- ...',
    'We’re on it — “soon”. Ünïcödé, ½, ² and Ω; 日本語のテキスト。 العربية',
    '\ud83d \udc00\ud800 🧑🏽‍🚀🧑🏽‍🚀 a\u0301 \u00a0\u2028\u3000x',
    '{{x}} $var ${y} <%= z %> `code` #tag @user a_b a/b c&d',
    // What the guarded plugins act on, each alone in its text: "w/" and apostrophes, "&", "-", "/", a blank line.
    'Tested w/ care.',
    "Rock 'n' roll, 'tis the season, we'd go.",
    'Rock ’n’ roll, ’tis the season, we’d go.',
    'Fixed &more soon.',
    'A well- and ill-known fix-',
    'Affects I/O and TCP/IP for EU/US users.',
    'One\n\nTwo',
    'One\r\rTwo',
    'One\r\n \r\nTwo',
  ])('builds retext-english’s tree for %j', same)

  it('builds retext-english’s tree for arbitrary UTF-16', () => {
    fc.assert(
      fc.property(unicodeMessage(200), (text) => {
        same(text)
      }),
      {seed: 0x5eed, numRuns: 1500},
    )
  })

  it('builds retext-english’s tree for every ASCII character in every pair', () => {
    const ascii = Array.from({length: 128}, (_, code) => String.fromCharCode(code))
    same(ascii.flatMap((a) => ascii.map((b) => `${a}${b}${a} `)).join(''))
  })
})

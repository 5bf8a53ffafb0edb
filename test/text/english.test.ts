/**
 * src/text/english.ts must build exactly retext-english's tree: the same
 * nodes, values and positions, and the same point objects shared between a
 * node and its children (parseInChunks moves each shared point once). Its
 * one addition, abbreviations.ts's paragraph plugin, is what the `liaison`
 * plugin adds to a retext-english processor: the reference has it too, and
 * plain retext-english differs only where a listed abbreviation's stop
 * precedes a digit or a lower-case word.
 */
import fc from 'fast-check'
import {toString} from 'nlcst-to-string'
import type {Root} from 'nlcst'
import retextEnglish from 'retext-english'
import {unified} from 'unified'
import {describe, expect, it} from 'vitest'
import {abbreviationSentences, mergeAbbreviationSentences} from '../../src/text/abbreviations.ts'
import {guardsApply, parseEnglish} from '../../src/text/english.ts'
import {unicodeMessage} from '../support/arbitraries.ts'

const processor = unified().use(retextEnglish).use(abbreviationSentences)
const reference = (value: string): Root => processor.parse(value)
const plain = unified().use(retextEnglish)

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

/** The sentences of a tree, as text. */
const sentences = (tree: Root): string[] =>
  tree.children.flatMap((paragraph) =>
    paragraph.type === 'ParagraphNode' ? paragraph.children.flatMap((node) => (node.type === 'SentenceNode' ? [toString(node)] : [])) : [],
  )

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

  it.each([
    ['Checkout is failing. Resolution time: approx. 2 hours.', ['Checkout is failing.', 'Resolution time: approx. 2 hours.']],
    ['ETA appr. 30 mins', ['ETA appr. 30 mins']],
    ['Est. 2 hrs to fix. More soon.', ['Est. 2 hrs to fix.', 'More soon.']],
    ['Fixed in approx. two hours.', ['Fixed in approx. two hours.']],
    ['Down for approx. 2 hrs. 3 regions were hit.', ['Down for approx. 2 hrs. 3 regions were hit.']],
    ['We restarted it at approx. 5. Updates follow.', ['We restarted it at approx. 5. Updates follow.']],
    ['Back at 5 p.m. est. Updates follow.', ['Back at 5 p.m. est.', 'Updates follow.']],
    ['Wait approx. (2 hours). Then retry.', ['Wait approx.', '(2 hours).', 'Then retry.']],
    ['We are investigating. 2 regions are affected.', ['We are investigating.', '2 regions are affected.']],
  ])('keeps an abbreviation’s stop before a number or lower-case word in its sentence: %j', (text, expected) => {
    same(text)
    expect(sentences(parseEnglish(text))).toEqual(expected)
  })

  it('differs from plain retext-english only at those abbreviations', () => {
    const text = 'Resolution time: approx. 2 hours. Fixed in approx. two hours.'
    expect(sentences(plain.parse(text))).toEqual(['Resolution time: approx.', '2 hours.', 'Fixed in approx. two hours.'])
    expect(sentences(parseEnglish(text))).toEqual(['Resolution time: approx. 2 hours.', 'Fixed in approx. two hours.'])
    // The stop joins the abbreviation's word, as parse-latin's own exceptions do ("ca."): the walk reads "approx.".
    const approx = parseEnglish(text).children[0]
    expect(approx?.type === 'ParagraphNode' && approx.children[0]?.type === 'SentenceNode' && toString(approx.children[0].children[5]!)).toBe('approx.')
    const ordinary = 'We are investigating delayed notifications, e.g. in the U.S. region. About 20% of jobs fail. Next update in 30 min.'
    expect(shape(parseEnglish(ordinary))).toBe(shape(plain.parse(ordinary)))
  })

  it('is added to a processor once, however often the plugin is used', () => {
    const twice = unified().use(retextEnglish).use(abbreviationSentences).use(abbreviationSentences).freeze()
    expect(twice.data('nlcstParagraphExtensions')).toEqual([mergeAbbreviationSentences])
  })

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

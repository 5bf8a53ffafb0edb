/** Parsing paragraph by paragraph must give exactly the tree of one whole parse. */
import retextEnglish from 'retext-english'
import {unified} from 'unified'
import {describe, expect, it} from 'vitest'
import type {Root} from 'nlcst'
import {toString} from 'nlcst-to-string'
import {visit} from 'unist-util-visit'
import {parseInChunks, pieceSpans} from '../../src/text/parse.ts'

const processor = unified().use(retextEnglish)
const parse = (value: string) => processor.parse(value)

/** Deterministic pseudo-random texts (no Math.random): words, spaces, tabs, CR/LF runs, punctuation. */
function* texts(count: number): Generator<string> {
  let seed = 42
  const next = (n: number) => {
    seed = (seed * 1103515245 + 12345) % 2147483648
    return seed % n
  }
  const pieces = ['We', 'are', 'investigating', 'db-01', 'e.g.', '10.0.0.1', '.', ',', ' ', '  ', '\t', '\n', '\n\n', '\r\n\r\n', '\n \n', '“', '”', '🙂', '{{x}}']
  for (let i = 0; i < count; i++) {
    let text = ''
    const length = next(40)
    for (let j = 0; j < length; j++) text += pieces[next(pieces.length)]
    yield text
  }
}

describe('parseInChunks', () => {
  it.each([
    'One. Two.\n\nThree four.\n  \n\n  Five six\nseven.\n',
    'A\r\n\r\nB.',
    '\n\nLead.\n\n',
    '   \n\n x',
    'x',
    '',
    'No blank\nlines here.',
    // A lone CR ends a line for parse-latin and vfile-location (found by test/property/lint-lexicon.test.ts).
    'One.\r\rTwo.\n\nThree\rfour.\n\n\rFive.',
  ])('matches a whole parse: %j', (text) => {
    expect(parseInChunks(text, parse)).toEqual(parse(text))
  })

  it('matches a whole parse on realistic multi-paragraph updates', () => {
    const text =
      'We are investigating delayed notifications.\n\nUpdate: a fix has been deployed to db-01 (10.0.0.1).\r\n\r\n' +
      '  Next update in 30 minutes, e.g. at 14:30 UTC.\n \n\n“Resolved.” Thanks!\n'
    expect(parseInChunks(text, parse)).toEqual(parse(text))
  })

  /*
   * On arbitrary input, parse-latin lets one paragraph's punctuation change how
   * the next is tokenized (it tokenizes the whole input as one sentence
   * first); parsed alone, each paragraph reads as it would on its own. What
   * must hold for every input: the text round-trips and every position is
   * exact.
   */
  it('round-trips 1,000 generated texts with exact positions', () => {
    for (const text of texts(1000)) {
      const tree: Root = parseInChunks(text, parse)
      expect(toString(tree), JSON.stringify(text)).toBe(text)
      visit(tree, (node) => {
        if (!node.position) {
          expect(text).toBe('') // only the empty root has no position
          return
        }
        const {start, end} = node.position
        expect(text.slice(start.offset, end.offset), JSON.stringify(text)).toBe(toString(node as never))
        const before = text.slice(0, start.offset)
        expect(start.line).toBe(before.split('\n').length)
        expect(start.column).toBe(start.offset! - before.lastIndexOf('\n'))
      })
    }
  })
})

describe('long paragraphs', () => {
  it.each([
    ['digits', '1.2.3-4:5 '.repeat(2000)],
    ['one word', 'x'.repeat(10_000)],
    ['astral word', '😀'.repeat(5000)],
    ['lines', 'Line one of a long log.\n'.repeat(500)],
    ['sentences', 'We are investigating. '.repeat(500)],
  ])('%s: cut into pieces with exact positions', (_, text) => {
    const tree = parseInChunks(text, parse)
    expect(tree.children.length).toBeGreaterThan(1)
    expect(toString(tree)).toBe(text)
    visit(tree, (node) => {
      const {start, end} = node.position!
      expect(text.slice(start.offset, end.offset)).toBe(toString(node as never))
      const before = text.slice(0, start.offset)
      expect(start.line).toBe(before.split('\n').length)
      expect(start.column).toBe(start.offset! - before.lastIndexOf('\n'))
    })
  })
})

describe('pieceSpans', () => {
  // The walk parses these spans alone (walkPieces): they must cover every character but blank lines between paragraphs.
  it('covers the text in order, leaving out only white space with two or more line ends', () => {
    const inputs = [...texts(1000), 'We are investigating. '.repeat(500), 'a\r\n\r\nb', '\n\n  x  \n\n']
    for (const text of inputs) {
      let previous = 0
      for (const {start, end} of pieceSpans(text)) {
        expect(start, JSON.stringify(text)).toBeGreaterThanOrEqual(previous)
        expect(end - start).toBeLessThanOrEqual(4096)
        const between = text.slice(previous, start)
        if (previous > 0 && between !== '') {
          expect(between, JSON.stringify(text)).toMatch(/^[\t\n\r ]+$/)
          expect(between.split('\n').length, JSON.stringify(text)).toBeGreaterThanOrEqual(3)
        }
        previous = end
      }
      expect(previous).toBe(text.length)
    }
  })
})

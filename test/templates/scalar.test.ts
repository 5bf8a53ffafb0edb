/**
 * YAML and JSON strings mapped back to their source: each character of a
 * value points at the exact place it was written, escapes at their whole
 * escape, folded line breaks at the break. Checked on hand-written corners
 * (block scalars with every indicator, quoted scalars, JSON escapes, CRLF)
 * and on generated documents against the `yaml` package's own values.
 */
import fc from 'fast-check'
import {type Document, isScalar, parseDocument, type Scalar, stringify, visit} from 'yaml'
import {describe, expect, it} from 'vitest'
import {mapScalar, type ScalarMap, toSource} from '../../src/templates/scalar.ts'

function parsed(source: string): Document {
  const doc = parseDocument(source, {keepSourceTokens: true, prettyErrors: false})
  expect(doc.errors).toEqual([])
  return doc
}

/** The map of the value under `key` (the first one found). */
function scalar(source: string, key = 'body'): ScalarMap {
  let found: Scalar | undefined
  visit(parsed(source), {
    Pair(_, pair) {
      if (isScalar(pair.key) && pair.key.value === key && isScalar(pair.value)) found ??= pair.value
    },
  })
  return mapScalar(found!)
}

/** Where `word` of the value starts and ends in the source. */
function span(map: ScalarMap, word: string): [number, number] {
  const at = map.value.indexOf(word)
  expect(at, `${JSON.stringify(word)} in ${JSON.stringify(map.value)}`).not.toBe(-1)
  return [toSource(map, at, 'start'), toSource(map, at + word.length, 'end')]
}

function expectWordsInPlace(source: string, words: string[], key = 'body'): ScalarMap {
  const map = scalar(source, key)
  for (const word of words) {
    const [start, end] = span(map, word)
    expect(source.slice(start, end), word).toBe(word)
  }
  return map
}

describe('block scalars', () => {
  it.each([
    ['literal, clipped', 'body: |\n  We think\n  db-01 is down.\n', 'We think\ndb-01 is down.\n'],
    ['literal, stripped', 'body: |-\n  We think\n  db-01 is down.\n\n', 'We think\ndb-01 is down.'],
    ['literal, kept', 'body: |+\n  We think\n  db-01 is down.\n\n\n', 'We think\ndb-01 is down.\n\n\n'],
    ['literal with an indentation indicator', 'body: |2\n    We think\n  db-01 is down.\n', '  We think\ndb-01 is down.\n'],
    ['literal with a comment after the header', 'body: |- # note\n  We think\n  db-01 is down.\n', 'We think\ndb-01 is down.'],
    ['literal with leading empty lines', 'body: |2\n\n   \n  We think\n  db-01 is down.\n', '\n \nWe think\ndb-01 is down.\n'],
    ['folded', 'body: >\n  We think\n  db-01 is down.\n\n  Next update soon.\n', 'We think db-01 is down.\nNext update soon.\n'],
    ['folded with more-indented lines', 'body: >-\n  We think\n    db-01 is\n  down.\n', 'We think\n  db-01 is\ndown.'],
    ['folded with blank lines after more-indented ones', 'body: >\n  a\n    We think\n\n\n  db-01 is down.\n', 'a\n  We think\n\n\ndb-01 is down.\n'],
    ['folded, kept, with trailing more-indented lines', 'body: >+\n  We think db-01 is down.\n\n     \n', 'We think db-01 is down.\n\n   \n'],
    ['nested under a list item', 'templates:\n  - body: >-\n      We think\n      db-01 is down.\n    title: x\n', 'We think db-01 is down.'],
    ['a tab at the start of a folded line', 'body: >-\n  We think\n  \tdb-01 is down.\n', 'We think\n\tdb-01 is down.'],
  ])('%s', (_, source, value) => {
    const map = expectWordsInPlace(source, ['We think', 'db-01 is'])
    expect(map.value).toBe(value)
  })

  it('maps the newlines of a literal and the spaces of a folded scalar to the line breaks', () => {
    const literal = scalar('body: |\n  one\n  two\n')
    expect(toSource(literal, 3, 'start')).toBe(13)
    const folded = scalar('body: >\n  one\n  two\n')
    expect(folded.value).toBe('one two\n')
    expect([folded.starts[3], folded.ends[3]]).toEqual([13, 14])
  })

  it('handles an empty block', () => {
    expect(scalar('body: |\n\nnext: 1\n').value).toBe('')
    expect(scalar('body: |+\n\n\nnext: 1\n').value).toBe('\n\n')
    expect(scalar('body: |-\n').value).toBe('')
    // Kept, at the end of the file without a line break: the value still ends in one.
    const kept = scalar('body: |+\n  text')
    expect(kept.value).toBe('text\n')
    expect(toSource(kept, 4, 'start')).toBe(15)
  })
})

describe('flow scalars', () => {
  it.each([
    ['plain, one line', 'body: We think db-01 is down.\n', 'We think db-01 is down.'],
    ['plain, folded over lines', 'body: We think\n  db-01 is\n\n  down.\n', 'We think db-01 is\ndown.'],
    ['plain, with trailing spaces before the fold', 'body: We think   \n    db-01 is down.\n', 'We think db-01 is down.'],
    ['plain, several empty lines', 'body: We think\n\n\n  db-01 is down\n', 'We think\n\ndb-01 is down'],
    ['single-quoted with doubled quotes', "body: 'It''s We think db-01 is down'\n", "It's We think db-01 is down"],
    ['single-quoted over lines', "body: 'We think\n  db-01 is ''down'''\n", "We think db-01 is 'down'"],
    ['double-quoted with escapes', 'body: "\\"We think\\"\\tdb-01 is \\u00e9\\x41\\U0001F600 down\\\\"\n', '"We think"\tdb-01 is éA😀 down\\'],
    ['double-quoted over lines', 'body: "We think \n  db-01 is\n\n  down"\n', 'We think db-01 is\ndown'],
    ['double-quoted with an escaped line break', 'body: "We think db-\\\n   01 is down"\n', 'We think db-01 is down'],
    ['double-quoted with a carriage return that is not a line break', 'body: "We think\n \rdb-01 is down"\n', 'We think \rdb-01 is down'],
    ['double-quoted with spaces kept mid-line', 'body: "We think   db-01 is down"\n', 'We think   db-01 is down'],
  ])('%s', (_, source, value) => {
    const map = scalar(source)
    expect(map.value).toBe(value)
    for (const word of ['We think', 'is']) {
      const [start, end] = span(map, word)
      expect(source.slice(start, end)).toBe(word)
    }
  })

  it('maps an escape to the whole escape, both halves of an astral character included', () => {
    const source = 'body: "a\\u00e9b\\U0001F600c\\ud83d\\ude00d"\n'
    const map = scalar(source)
    expect(map.value).toBe('aébx😀cy😀d'.replace(/[xy]/g, ''))
    const e = map.value.indexOf('é')
    expect(source.slice(map.starts[e], map.ends[e])).toBe('\\u00e9')
    const emoji = map.value.indexOf('😀')
    expect(source.slice(map.starts[emoji], map.ends[emoji])).toBe('\\U0001F600')
    expect(source.slice(map.starts[emoji + 1], map.ends[emoji + 1])).toBe('\\U0001F600')
    const pair = map.value.lastIndexOf('😀')
    expect(source.slice(map.starts[pair], map.ends[pair])).toBe('\\ud83d')
    expect(source.slice(map.starts[pair + 1], map.ends[pair + 1])).toBe('\\ude00')
    // A report over the escaped character covers the escape.
    expect(source.slice(toSource(map, e, 'start'), toSource(map, e + 1, 'end'))).toBe('\\u00e9')
  })

  it('maps a doubled single quote to both quotes', () => {
    const source = "body: 'it''s'\n"
    const map = scalar(source)
    const quote = map.value.indexOf("'")
    expect(source.slice(map.starts[quote], map.ends[quote])).toBe("''")
  })

  it('maps JSON strings, escapes and all', () => {
    const source = JSON.stringify({templates: [{body: 'We think "db-01"\nis down \u2028 é 😀 \u0001.'}]}, null, 2)
    const map = expectWordsInPlace(source, ['We think', 'db-01', 'is down'])
    expect(map.value).toBe('We think "db-01"\nis down \u2028 é 😀 \u0001.')
    const newline = map.value.indexOf('\n')
    expect(source.slice(map.starts[newline], map.ends[newline])).toBe('\\n')
  })
})

describe('CRLF files', () => {
  it.each([
    ['literal', 'title: x\r\nbody: |\r\n  We think\r\n  db-01 is down.\r\n', 'We think\ndb-01 is down.\n'],
    ['folded', 'body: >-\r\n  We think\r\n  db-01 is\r\n\r\n  down.\r\n', 'We think db-01 is\ndown.'],
    ['plain', 'body: We think\r\n  db-01 is down.\r\n', 'We think db-01 is down.'],
    ['double-quoted', 'body: "We think \r\n  db-01 is \\\r\n  down."\r\n', 'We think db-01 is down.'],
    ['single-quoted', "body: 'We think\r\n\r\n  db-01 is down.'\r\n", 'We think\ndb-01 is down.'],
  ])('%s', (_, source, value) => {
    const map = expectWordsInPlace(source, ['We think', 'db-01 is'])
    expect(map.value).toBe(value)
    // A line break in the value stands for the whole CRLF.
    const newline = map.value.indexOf('\n')
    if (newline !== -1 && map.value.length - 1 !== newline) expect(source.slice(map.starts[newline], map.ends[newline])).toMatch(/^\r\n/)
  })
})

describe('edges', () => {
  it('maps positions past the value to its end, and an empty value to the scalar', () => {
    const map = scalar('body: abc\n')
    expect(toSource(map, 3, 'start')).toBe(9)
    expect(toSource(map, 0, 'end')).toBe(6)
    expect(toSource(map, 9, 'end')).toBe(9)
    const empty = scalar('body: ""\n')
    expect(toSource(empty, 0, 'start')).toBe(6)
  })

  it('shifts offsets when the YAML was parsed from a slice of the file', () => {
    const doc = parsed('body: abc\n')
    const node = (doc.contents as {items: Array<{value: Scalar}>}).items[0]!.value
    expect(mapScalar(node, 100).starts).toEqual([106, 107, 108])
  })
})

describe('agrees with yaml on generated documents', {timeout: 60_000}, () => {
  const checkAll = (source: string) => {
    const doc = parseDocument(source, {keepSourceTokens: true, prettyErrors: false})
    if (doc.errors.length > 0) return
    visit(doc, {
      Scalar(_, node) {
        if (typeof node.value !== 'string' || !node.srcToken) return
        const map = mapScalar(node)
        // Plain checks rather than expect() per character: thousands of documents run here.
        const fail = (why: string) => {
          throw new Error(`${why} in ${JSON.stringify(source)}`)
        }
        if (map.value !== node.value) fail(`value ${JSON.stringify(map.value)} is not ${JSON.stringify(node.value)}`)
        for (let i = 0; i < map.value.length; i++) {
          if (map.starts[i]! > map.ends[i]!) fail(`span ${i} is reversed`)
          // Characters mapped one to one are the source's own.
          const char = map.value[i]
          if (map.ends[i]! - map.starts[i]! === 1 && char !== ' ' && char !== '\n' && source[map.starts[i]!] !== char) fail(`character ${i} maps elsewhere`)
        }
        // Not the coarse fallback, which maps every character to the whole scalar.
        const coarse = map.starts.every((start) => start === map.range[0]) && map.ends.every((end) => end === map.range[1])
        if (map.value.length > 1 && coarse) fail('coarse mapping')
      },
    })
  }
  const piece = fc.constantFrom('a', 'bc', ' ', '  ', '\n', '\n\n', '\t', '"', "'", '\\', 'é', '😀', '#', ': ', '- ', '{', '\r\n', '\u2028', '\u0085', '\0')

  it('for every style yaml writes', () => {
    fc.assert(
      fc.property(
        fc.array(piece, {maxLength: 25}).map((parts) => parts.join('')),
        fc.constantFrom('PLAIN', 'QUOTE_DOUBLE', 'QUOTE_SINGLE', 'BLOCK_LITERAL', 'BLOCK_FOLDED'),
        fc.integer({min: 10, max: 80}),
        fc.boolean(),
        (text, style, lineWidth, crlf) => {
          const source = stringify({templates: [{body: text}]}, {defaultStringType: style as never, lineWidth, minContentWidth: 5})
          checkAll(crlf ? source.replace(/\n/g, '\r\n') : source)
        },
      ),
      {numRuns: 1500},
    )
  })

  it('for hand-made block and flow scalars', () => {
    const word = fc.constantFrom('a', 'é', '😀', '\t', 'x y', "it's", '#c', '"q"', '\\n', '\\"', '\\u00e9', '\\U0001F600', "''", '\\ ')
    const line = fc
      .tuple(fc.integer({min: 0, max: 5}), fc.array(word, {maxLength: 3}), fc.constantFrom('', ' ', '\t'))
      .map(([indent, words, trail]) => ' '.repeat(indent) + words.join(' ') + trail)
    const header = fc
      .tuple(fc.constantFrom('|', '>'), fc.constantFrom('', '-', '+'), fc.constantFrom('', '1', '2'), fc.constantFrom('', ' # c'))
      .map(([mode, chomp, indent, comment]) => mode + chomp + indent + comment)
    fc.assert(
      fc.property(header, fc.array(line, {maxLength: 6}), fc.constantFrom('\n', '\r\n'), fc.integer({min: 0, max: 2}), (head, lines, br, depth) => {
        const pad = ' '.repeat(depth)
        checkAll(`${depth ? `top:${br}` : ''}${pad}body: ${head}${br}${lines.map((l) => pad + l).join(br)}${br}${pad}next: x${br}`)
      }),
      {numRuns: 1500},
    )
    fc.assert(
      fc.property(fc.constantFrom('"', "'", ''), fc.array(fc.tuple(line, fc.constantFrom('\n', '\r\n')), {minLength: 1, maxLength: 5}), (quote, parts) => {
        const text = parts.map(([l, br], i) => (i ? '  ' : '') + l + (i < parts.length - 1 ? br : '')).join('')
        checkAll(`body: ${quote}${text}${quote}\n`)
      }),
      {numRuns: 1500},
    )
  })

  it('for JSON', () => {
    fc.assert(
      fc.property(fc.string({unit: 'binary'}), fc.boolean(), (text, pretty) => {
        checkAll(JSON.stringify([{title: text, body: `x${text}`}], null, pretty ? 2 : 0))
      }),
      {numRuns: 1500},
    )
  })
})

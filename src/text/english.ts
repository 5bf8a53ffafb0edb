/**
 * The English parser every plain-text path uses: retext-english's, with a
 * faster first step. parse-latin's `tokenize` classes each character with up
 * to three tests of regexes over all of Unicode; a status update is a few
 * hundred characters, nearly all ASCII, so that step cost ~8 µs of a
 * message's ~30 µs parse. `tokenize` below is the same loop with the ASCII
 * classes read from a table built once from those regexes, and any other
 * code unit classed by parse-latin itself (then remembered): the tree is the
 * same node for node, position for position (test/english.test.ts compares
 * both parsers on generated text). Every later step (the sentence,
 * paragraph and root plugins) is parse-english's own.
 */
import type {Root, SentenceContent} from 'nlcst'
import {ParseEnglish} from 'parse-english'
import type {Point} from 'unist'

type TokenType = 'WordNode' | 'WhiteSpaceNode' | 'PunctuationNode' | 'SymbolNode'

/** parse-latin's class of one UTF-16 code unit: the type of the one node its own tokenize makes of it. */
const classOf = (char: string): TokenType => new ParseEnglish().tokenize(char)[0]!.type as TokenType

/** Classes of the ASCII code units, by code. */
const asciiTypes: readonly TokenType[] = Array.from({length: 128}, (_, code) => classOf(String.fromCharCode(code)))

/** Classes of other code units met so far. Bounded: a text in another script holds a few dozen. */
const otherTypes = new Map<string, TokenType>()
const maxOtherTypes = 4096

function typeOf(char: string, code: number): TokenType {
  if (code < 128) return asciiTypes[code]!
  let type = otherTypes.get(char)
  if (type === undefined) {
    type = classOf(char)
    /* v8 ignore next -- @preserve only once 4,096 different non-ASCII characters have been read */
    if (otherTypes.size >= maxOtherTypes) otherTypes.clear()
    otherTypes.set(char, type)
  }
  return type
}

const isSurrogate = (code: number): boolean => code >= 0xd800 && code <= 0xdfff

class FastEnglish extends ParseEnglish {
  /** parse-latin's `tokenize` (lib/index.js), line for line, with the classes looked up. */
  override tokenize(value: string | null | undefined): SentenceContent[] {
    const children: SentenceContent[] = []
    if (!value) return children
    const currentPoint = {line: 1, column: 1, offset: 0}
    let from = 0
    let index = 0
    let start: Point = {...currentPoint}
    let previousType: TokenType | undefined
    let previous: string | undefined

    // Nodes as parse-latin makes them: a word and its text share `start`, every `end` is a copy.
    const createNode = (type: TokenType, text: string): SentenceContent =>
      type === 'WordNode'
        ? {type, children: [{type: 'TextNode', value: text, position: {start, end: {...currentPoint}}}], position: {start, end: {...currentPoint}}}
        : {type, value: text, position: {start, end: {...currentPoint}}}

    while (index < value.length) {
      const code = value.charCodeAt(index)
      const current = value.charAt(index)
      const currentType = typeOf(current, code)
      if (
        from < index &&
        previousType &&
        !(
          previousType === currentType &&
          (previousType === 'WordNode' || previousType === 'WhiteSpaceNode' || current === previous || isSurrogate(code))
        )
      ) {
        children.push(createNode(previousType, value.slice(from, index)))
        from = index
        start = {...currentPoint}
      }
      if (current === '\r' || (current === '\n' && previous !== '\r')) {
        currentPoint.line++
        currentPoint.column = 1
      } else if (current !== '\n') {
        currentPoint.column++
      }
      currentPoint.offset++
      previousType = currentType
      previous = current
      index++
    }
    if (previousType && from < index) children.push(createNode(previousType, value.slice(from, index)))
    return children
  }
}

/** Parse plain text into an nlcst tree, as `unified().use(retextEnglish).parse(value)` does. */
export function parseEnglish(value: string): Root {
  return new FastEnglish().parse(value)
}

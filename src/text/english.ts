/**
 * The English parser every plain-text path uses: retext-english's, with the
 * same tree built faster. Each change is exact (test/text/english.test.ts
 * compares both parsers, node for node and point for point, on generated text):
 *
 * - parse-latin's `tokenize` classes each character with up to three tests of
 *   regexes over all of Unicode; below, the ASCII classes come from a table
 *   built once from those regexes, and any other code unit is classed by
 *   parse-latin itself (then remembered).
 * - Several of parse-english's plugins act only on a character the text may
 *   not hold at all ("&", "-", "/", an apostrophe, a line break): a text
 *   without it skips them.
 * - `patchPosition` visits every child to set a parent's position from its
 *   first and last: it reads those two.
 *
 * One paragraph plugin is added, first, as retext-english adds a processor's
 * `nlcstParagraphExtensions`: abbreviations.ts's, so that "approx. 2 hours"
 * stays one sentence. The tree is retext-english's with that extension (the
 * Markdown path adds it the same way), and differs from plain retext-english
 * only where a listed abbreviation's full stop precedes a digit or a
 * lower-case word.
 *
 * A status update is a few hundred characters, nearly all ASCII; these took
 * its parse (bench/corpus.ts) from ~30 µs to ~13 µs.
 */
import type {Root, SentenceContent} from 'nlcst'
import {ParseEnglish} from 'parse-english'
import type {Parent, Point} from 'unist'
import {mergeAbbreviationSentences} from './abbreviations.ts'

type TokenType = 'WordNode' | 'WhiteSpaceNode' | 'PunctuationNode' | 'SymbolNode'

/** parse-latin's class of one UTF-16 code unit: the type of the one node its own tokenize makes of it. */
const classOf = (char: string): TokenType => new ParseEnglish().tokenize(char)[0]!.type as TokenType

/** Classes of the ASCII code units, by code. */
const asciiTypes: readonly TokenType[] = Array.from({length: 128}, (_, code) => classOf(String.fromCharCode(code)))

/** Classes of other code units met so far. Bounded: a text in another script holds a few dozen. */
const otherTypes = new Map<string, TokenType>()
const maxOtherTypes = 4096

function otherType(char: string): TokenType {
  let type = otherTypes.get(char)
  if (type === undefined) {
    type = classOf(char)
    /* v8 ignore next -- @preserve only once 4,096 different non-ASCII characters have been read */
    if (otherTypes.size >= maxOtherTypes) otherTypes.clear()
    otherTypes.set(char, type)
  }
  return type
}

/** A node as parse-latin makes it: a word and its text share `start`; each has its own `end`. */
function createNode(type: TokenType, value: string, start: Point, line: number, column: number, offset: number): SentenceContent {
  return type === 'WordNode'
    ? {
        type,
        children: [{type: 'TextNode', value, position: {start, end: {line, column, offset}}}],
        position: {start, end: {line, column, offset}},
      }
    : {type, value, position: {start, end: {line, column, offset}}}
}

type Plugin = (node: Parent) => void

/** parse-latin's patchPosition: a parent without a start or end takes its first child's start and its last child's end. */
function patchPosition(node: Parent): void {
  const {children} = node
  if (children.length === 0) return
  const first = children[0]!
  const last = children[children.length - 1]!
  const at = node as {position?: {start?: Point; end?: Point}}
  if (first.position && !at.position?.start) (at.position ??= {}).start = first.position.start
  if (last.position && !at.position?.end) (at.position ??= {}).end = last.position.end
}

/**
 * parse-english 7's plugin lists, and the characters each guarded plugin
 * acts on (by position in its list). Any other shape of the lists (a later
 * version) is used as it is, without guards.
 */
const proto = ParseEnglish.prototype as unknown as Record<'tokenizeSentencePlugins' | 'tokenizeParagraphPlugins' | 'tokenizeRootPlugins', Plugin[]>
const original = {sentence: proto.tokenizeSentencePlugins, paragraph: proto.tokenizeParagraphPlugins, root: proto.tokenizeRootPlugins}
const latinPatch = original.root.at(-1)
/** Whether the lists have the shape the guards below were written for: test/text/english.test.ts checks it, so an upgrade that changes them is noticed. */
export const guardsApply =
  original.sentence.length === 7 && original.paragraph.length === 13 && original.root.length === 4 &&
  original.sentence[6] === latinPatch && original.paragraph[12] === latinPatch

/** The plugins a text may skip: their list and position, and the characters of which they need one. */
const guards = [
  {list: 'sentence', index: 0, chars: "/'\u2019"}, // mergeEnglishElisionExceptions: "w/", apostrophes
  {list: 'sentence', index: 1, chars: '&'}, // mergeInitialWordSymbol
  {list: 'sentence', index: 2, chars: '-'}, // mergeFinalWordSymbol
  {list: 'sentence', index: 4, chars: '/'}, // mergeInnerWordSlash
  {list: 'paragraph', index: 10, chars: '\n\r'}, // breakImplicitSentences: a blank line
] as const

interface Plugins {
  sentence: Plugin[]
  paragraph: Plugin[]
  root: Plugin[]
}

/** The lists for a text that holds the characters of the guards whose bit is set in `present`. */
function pluginsFor(present: number): Plugins {
  const keep = (list: keyof Plugins) =>
    original[list]
      .filter((_, index) => guards.every((guard, bit) => guard.list !== list || guard.index !== index || (present & (1 << bit)) !== 0))
      .map((plugin) => (plugin === latinPatch ? patchPosition : plugin))
  return {sentence: keep('sentence'), paragraph: [mergeAbbreviationSentences as Plugin, ...keep('paragraph')], root: keep('root')}
}

/* v8 ignore next -- @preserve only under another version of parse-english (see guardsApply) */
const unguarded: Plugins = {...original, paragraph: [mergeAbbreviationSentences as Plugin, ...original.paragraph]}

/** By the guards' bits: at most 32 sets of lists, each built on first use. */
const pluginSets = new Map<number, Plugins>()

function pluginsOf(value: string): Plugins {
  /* v8 ignore next -- @preserve only under another version of parse-english (see guardsApply) */
  if (!guardsApply) return unguarded
  let present = 0
  for (let bit = 0; bit < guards.length; bit++) {
    const {chars} = guards[bit]!
    for (let k = 0; k < chars.length; k++) {
      if (value.includes(chars[k]!)) {
        present |= 1 << bit
        break
      }
    }
  }
  let plugins = pluginSets.get(present)
  if (plugins === undefined) pluginSets.set(present, (plugins = pluginsFor(present)))
  return plugins
}

class FastEnglish extends ParseEnglish {
  override parse(value: string | null | undefined): Root {
    const text = value ?? ''
    const plugins = pluginsOf(text)
    this.tokenizeSentencePlugins = plugins.sentence
    this.tokenizeParagraphPlugins = plugins.paragraph
    this.tokenizeRootPlugins = plugins.root
    return super.parse(text)
  }
  /**
   * parse-latin's `tokenize` (lib/index.js), step for step, with the classes
   * looked up and characters compared by code: the same nodes, in the same order.
   */
  override tokenize(value: string | null | undefined): SentenceContent[] {
    const children: SentenceContent[] = []
    if (!value) return children
    let line = 1
    let column = 1
    let offset = 0
    let from = 0
    let start: Point = {line, column, offset}
    let previousType: TokenType | undefined
    let previous = -1
    for (let index = 0; index < value.length; index++) {
      const code = value.charCodeAt(index)
      const type = code < 128 ? asciiTypes[code]! : otherType(value.charAt(index))
      // A word or white space continues, and so does the same mark again or a surrogate of a mark.
      if (
        from < index &&
        previousType !== undefined &&
        !(previousType === type && (type === 'WordNode' || type === 'WhiteSpaceNode' || code === previous || (code >= 0xd800 && code <= 0xdfff)))
      ) {
        children.push(createNode(previousType, value.slice(from, index), start, line, column, offset))
        from = index
        start = {line, column, offset}
      }
      // Line ends as parse-latin counts them: CR, LF, and CRLF once.
      if (code === 13 || (code === 10 && previous !== 13)) {
        line++
        column = 1
      } else if (code !== 10) {
        column++
      }
      offset++
      previousType = type
      previous = code
    }
    if (previousType !== undefined && from < value.length) children.push(createNode(previousType, value.slice(from), start, line, column, offset))
    return children
  }
}

/** Parse plain text into an nlcst tree, as `unified().use(retextEnglish).parse(value)` does. */
export function parseEnglish(value: string): Root {
  return new FastEnglish().parse(value)
}

/**
 * One pass over the nlcst tree that every rule shares: sentences, their words
 * (normalised once), and which words are literal. The engine caches one
 * walk per tree (src/engine/doc.ts), so ten rules cost one walk. The walk
 * keeps no tree nodes, so `walkPieces` can read a long text piece by piece
 * and let each piece's tree go.
 */
import type {Root, RootContent, Sentence as SentenceNode} from 'nlcst'
import {isLiteral} from 'nlcst-is-literal'
import type {VFile} from 'vfile'
import {location} from 'vfile-location'
import {type CodeSpan, parseCode} from './code.ts'
import {findLinks, type Link} from './links.ts'
import {findMasks, maskLookup, type Mask} from './mask.ts'
import {placeholderPatterns} from './placeholder-patterns.ts'
import type {PlaceholderInfo} from './placeholders.ts'
import {pieceSpans} from './parse.ts'

/**
 * A word of the walk: as written, normalised, where it is, and whether it is literal.
 * Read it by property: the walk stores words compactly behind getters, so a spread
 * (`{...word}`) or `JSON.stringify(word)` copies none of them.
 */
export interface Word {
  /** As written. */
  readonly text: string
  /** Lower-cased, curly apostrophes straightened: what lexicons match. */
  readonly norm: string
  readonly start: number
  readonly end: number
  /** Quoted, inside a link, code or a placeholder: never matched as prose. */
  readonly literal: boolean
  /** Punctuation (not just space) separates this word from the previous one. */
  readonly gap: boolean
}

const literalFlag = 1
const gapFlag = 2

/**
 * A word as the walk stores it: two fields, the rest derived. A long text
 * has hundreds of thousands of words (a 1 MiB file ~180,000), so every field
 * counts: the spelling (text and normal form, shared by every occurrence,
 * see `spell`) is one, the offset and the two flags share the other.
 */
class StoredWord implements Word {
  readonly #spelling: Spelling
  /** `start * 4 + flags`: exact for any offset below 2^51. */
  readonly #at: number

  constructor(spelling: Spelling, start: number, flags: number) {
    this.#spelling = spelling
    this.#at = start * 4 + flags
  }

  get text(): string {
    return this.#spelling[0]
  }

  get norm(): string {
    return this.#spelling[1]
  }

  get start(): number {
    return Math.floor(this.#at / 4)
  }

  /** `text` is the source from `start` to `end`, as written. */
  get end(): number {
    return this.start + this.#spelling[0].length
  }

  get literal(): boolean {
    return (this.#at & literalFlag) !== 0
  }

  get gap(): boolean {
    return (this.#at & gapFlag) !== 0
  }
}

/** A sentence of the walk, with its words. */
export interface Sentence {
  index: number
  text: string
  start: number
  end: number
  words: Word[]
  /** Template placeholders among the words, as word index ranges (inclusive); absent when there are none. */
  placeholders?: SentencePlaceholder[]
}

export interface SentencePlaceholder {
  /** Word indices, inclusive. */
  from: number
  to: number
  /** Offsets of the whole placeholder, delimiters included. */
  start: number
  end: number
  placeholder: PlaceholderInfo
}

/** What the walk reads from a file: its text, sentences and words, links and masked spans. */
export interface WalkedText {
  /** The whole file's text; offsets index into it. */
  text: string
  sentences: Sentence[]
  links: Link[]
  masks: Mask[]
  /** Code the prose left out (Markdown inline code and code blocks), earliest first; empty for plain text. */
  readonly codeSpans: readonly CodeSpan[]
  /**
   * The words of `codeSpans`, parsed like prose on first use, every word
   * literal. Only for rules whose finding matters wherever customers read it
   * (a host name, a stack trace); wording rules read `sentences` alone.
   */
  readonly codeSentences: readonly Sentence[]
  /** Offset → line/column in the original file. */
  toPoint(offset: number): {line: number; column: number; offset: number}
}

export function normalize(value: string): string {
  return value.toLowerCase().replace(/[\u2018\u2019\u02bc]/g, "'")
}

/**
 * Punctuation on both sides: the only place a word can be quoted or bracketed.
 * nlcst-is-literal also counts "Foo: …" and "… - foo" at a sentence's edge as
 * literal, but in status updates those are labels ("Update: we are
 * investigating", "ETA: 45 minutes", "Resolved - …") that rules must read, so
 * it is only asked about enclosed words. Also cheap: most words have a word beside them.
 * Punctuation before the word is the walk's `gap`; this looks after it.
 */
function punctuationAfter(children: SentenceNode['children'], index: number): boolean {
  for (let i = index + 1; i < children.length; i++) {
    const type = children[i]!.type
    if (type === 'WhiteSpaceNode') continue
    return type !== 'WordNode'
  }
  return false
}

type Spelling = readonly [text: string, norm: string]

/**
 * Spellings met so far and their normal forms, shared by every doc. Status
 * updates use a small vocabulary, so most words are normalised once, not
 * once per occurrence, and a long text's words share a few thousand strings
 * instead of holding a copy each (a fifth of its doc's memory otherwise).
 * Bounded: cleared when full. Long words are left out: they seldom repeat,
 * and a slice of a long text can keep all of that text alive.
 */
const spellings = new Map<string, Spelling>()
const maxSpellings = 16_384
const maxSpellingLength = 12

function spell(value: string): Spelling {
  if (value.length > maxSpellingLength) return [value, normalize(value)]
  let spelling = spellings.get(value)
  if (spelling === undefined) {
    spelling = [value, normalize(value)]
    /* v8 ignore next -- @preserve only once 16k different words have been read */
    if (spellings.size >= maxSpellings) spellings.clear()
    spellings.set(value, spelling)
  }
  return spelling
}

/** `shift`: where the node's tree starts in `text` (a piece's offset; 0 for a whole tree). */
function collectSentence(
  text: string,
  node: SentenceNode,
  index: number,
  masked: ReturnType<typeof maskLookup> | undefined,
  shift: number,
): Sentence {
  const words: Word[] = []
  let placeholders: SentencePlaceholder[] | undefined
  const {children} = node
  let gap = false
  for (let i = 0; i < children.length; i++) {
    const child = children[i]!
    const type = child.type
    if (type === 'WhiteSpaceNode') continue
    if (type !== 'WordNode') {
      gap = true
      continue
    }
    const position = child.position!
    const start = position.start.offset! + shift
    const end = position.end.offset! + shift
    // Slicing the source is what nlcst-to-string would build, without the recursion.
    const value = text.slice(start, end)
    const spelling = spell(value)
    const mask = masked?.(start, end)
    if (mask?.placeholder) {
      const last = placeholders?.at(-1)
      if (last?.placeholder === mask.placeholder) last.to = words.length
      else (placeholders ??= []).push({from: words.length, to: words.length, start: mask.start, end: mask.end, placeholder: mask.placeholder})
    }
    const literal = mask !== undefined || (gap && punctuationAfter(children, i) && isLiteral(node, i))
    words.push(new StoredWord(spelling, start, (literal ? literalFlag : 0) | (gap ? gapFlag : 0)))
    gap = false
  }
  const start = node.position!.start.offset! + shift
  const end = node.position!.end.offset! + shift
  // An exact copy: pushing leaves up to twice the room each array needs, for the whole life of the doc.
  const sentence: Sentence = {index, text: text.slice(start, end), start, end, words: words.slice()}
  if (placeholders) sentence.placeholders = placeholders
  return sentence
}

/** Sentences sit in paragraphs (retext) or in paragraphs under other nodes (remark-retext): descend only through parents. */
function collectSentences(node: Root | RootContent, found: SentenceNode[]): void {
  if (node.type === 'SentenceNode') {
    if (node.position) found.push(node)
    return
  }
  if ('children' in node && node.type !== 'WordNode') for (const child of node.children) collectSentences(child, found)
}

/** Walk a whole tree. */
export function walkTree(tree: Root, file: VFile): Walked {
  return walk(file, (collect) => {
    const nodes: SentenceNode[] = []
    collectSentences(tree, nodes)
    for (const node of nodes) collect(node, 0)
  })
}

/**
 * The same as `walkTree(parseInChunks(text, parse), file)`, without ever
 * holding the whole tree: each piece of the text (see parse.ts) is parsed,
 * read and dropped. A tree takes about 120 times the memory of its text; the
 * walk a fraction of that, so `lint()` reads long files this way.
 */
export function walkPieces(file: VFile, parse: (value: string) => Root): Walked {
  return walk(file, (collect, text) => {
    for (const piece of pieceSpans(text)) {
      const nodes: SentenceNode[] = []
      collectSentences(parse(text.slice(piece.start, piece.end)), nodes)
      for (const node of nodes) collect(node, piece.start)
    }
  })
}

type Collect = (node: SentenceNode, shift: number) => void

/** Every word of code is literal: wording rules never read it as prose. */
const allLiteral = (start: number, end: number): Mask => ({kind: 'code', start, end})

/** Code spans parsed like prose, piece by piece (see parse.ts), positions in the whole file. */
function codeSentencesOf(text: string, spans: readonly CodeSpan[]): Sentence[] {
  const sentences: Sentence[] = []
  for (const span of spans) {
    const code = text.slice(span.start, span.end)
    for (const piece of pieceSpans(code)) {
      const nodes: SentenceNode[] = []
      collectSentences(parseCode(code.slice(piece.start, piece.end)), nodes)
      for (const node of nodes) sentences.push(collectSentence(text, node, sentences.length, allLiteral, span.start + piece.start))
    }
  }
  return sentences
}

/** The walk's findings, before they become a `WalkedFile` (or a subclass that adds analysis). */
export interface Walked {
  file: VFile
  text: string
  sentences: Sentence[]
  links: Link[]
  masks: Mask[]
}

function walk(file: VFile, read: (collect: Collect, text: string) => void): Walked {
  // A VFile made without a value has none, whatever its type says.
  const text = String((file.value as VFile['value'] | undefined) ?? '')
  const links = findLinks(text)
  const {syntaxes, patterns} = file.data.placeholders ?? {}
  const masks = findMasks(text, links, syntaxes, patterns && placeholderPatterns(patterns))
  // Most messages have no link, code or placeholder to look up.
  const masked = masks.length === 0 ? undefined : maskLookup(masks)
  const sentences: Sentence[] = []
  read((node, shift) => sentences.push(collectSentence(text, node, sentences.length, masked, shift)), text)
  return {file, text, sentences, links, masks}
}

/** A class rather than an object literal: V8 takes about a microsecond to build a literal with getters. */
export class WalkedFile implements WalkedText {
  text: string
  sentences: Sentence[]
  links: Link[]
  masks: Mask[]
  protected readonly file: VFile
  #place: ReturnType<typeof location> | undefined
  #code: Sentence[] | undefined

  constructor({file, text, sentences, links, masks}: Walked) {
    this.text = text
    this.sentences = sentences
    this.links = links
    this.masks = masks
    this.file = file
  }

  get codeSpans(): readonly CodeSpan[] {
    return this.file.data.code ?? []
  }

  // Code is parsed on first use: only rules that read it pay.
  get codeSentences(): readonly Sentence[] {
    this.#code ??= codeSentencesOf(this.text, this.codeSpans)
    return this.#code
  }

  // The line index costs a pass: only reports pay for it.
  toPoint(offset: number): {line: number; column: number; offset: number} {
    this.#place ??= location(this.file)
    const point = this.#place.toPoint(offset)
    /* v8 ignore next -- @preserve offsets come from the tree, which lies within the file */
    if (!point) throw new RangeError(`Offset ${offset} is outside the file (${this.text.length} characters)`)
    return {line: point.line, column: point.column, offset}
  }
}

/**
 * Whether any word of `sentences` lies in `start..end`: for rules that find
 * things in the raw text (links, addresses, log lines) and must keep to what
 * the walk read, so Markdown comments, HTML and link targets stay out.
 * The index is built on first use: most texts have nothing to ask about.
 */
export function wordIndex(sentences: () => readonly Sentence[]): (start: number, end: number) => boolean {
  let starts: number[] | undefined
  return (start, end) => {
    starts ??= wordStarts(sentences())
    let lo = 0
    let hi = starts.length
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (starts[mid]! < start) lo = mid + 1
      else hi = mid
    }
    return lo < starts.length && starts[lo]! < end
  }
}

/**
 * Every word's start, ascending. The walk reads words in order, so they
 * usually come sorted: one pass, and a sort only when they do not (the
 * sentences of a doc and of its code interleave). On a 1 MiB file, ~180,000
 * words, building it with a sort every time took ~30 ms.
 */
function wordStarts(sentences: readonly Sentence[]): number[] {
  const starts: number[] = []
  let sorted = true
  let last = -1
  for (const {words} of sentences) {
    for (const word of words) {
      const start = word.start
      if (start < last) sorted = false
      starts.push(start)
      last = start
    }
  }
  return sorted ? starts : starts.sort((a, b) => a - b)
}

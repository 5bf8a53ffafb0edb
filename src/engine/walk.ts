/**
 * One pass over the nlcst tree that every rule shares: sentences, their words
 * (normalised once), and which words are literal. Cached per tree, so ten
 * rules cost one walk.
 */
import type {Root, RootContent, Sentence as SentenceNode, Word as WordNode} from 'nlcst'
import {isLiteral} from 'nlcst-is-literal'
import type {VFile} from 'vfile'
import {location} from 'vfile-location'
import {findLinks, type Link} from './links.ts'
import {findMasks, maskLookup, type Mask} from './mask.ts'
import {detectPhase, type Phase} from './phase.ts'

export interface Word {
  node: WordNode
  /** As written. */
  text: string
  /** Lower-cased, curly apostrophes straightened: what lexicons match. */
  norm: string
  start: number
  end: number
  /** Quoted, inside a link, code or a placeholder: never matched as prose. */
  literal: boolean
  /** Punctuation (not just space) separates this word from the previous one. */
  gap: boolean
}

export interface Sentence {
  node: SentenceNode
  index: number
  text: string
  start: number
  end: number
  words: Word[]
}

export interface Doc {
  /** The whole file's text; offsets index into it. */
  text: string
  sentences: Sentence[]
  links: Link[]
  masks: Mask[]
  /** Phase given by the caller (`file.data.phase`) or detected from the wording. */
  readonly phase: Phase | undefined
  readonly phaseSource: 'given' | 'detected' | undefined
  /** Offset → line/column in the original file. */
  toPoint(offset: number): {line: number; column: number; offset: number}
}

declare module 'vfile' {
  interface DataMap {
    /** Phase of the message, when the caller knows it (options, front matter). */
    phase: Phase
  }
}

const cache = new WeakMap<Root, Doc>()

export function normalize(value: string): string {
  return value.toLowerCase().replace(/[\u2018\u2019\u02bc]/g, "'")
}

/**
 * Punctuation on both sides: the only place a word can be quoted or bracketed.
 * nlcst-is-literal also counts "Foo: …" and "… - foo" at a sentence's edge as
 * literal, but in status updates those are labels ("Update: we are
 * investigating", "ETA: 45 minutes", "Resolved - …") that rules must read, so
 * it is only asked about enclosed words. Also cheap: most words have a word beside them.
 */
function enclosed(children: SentenceNode['children'], index: number): boolean {
  let before = false
  for (let i = index - 1; i >= 0; i--) {
    const type = children[i]!.type
    if (type === 'WhiteSpaceNode') continue
    before = type !== 'WordNode'
    break
  }
  if (!before) return false
  for (let i = index + 1; i < children.length; i++) {
    const type = children[i]!.type
    if (type === 'WhiteSpaceNode') continue
    return type !== 'WordNode'
  }
  return false
}

function collectSentence(text: string, node: SentenceNode, index: number, masked: ReturnType<typeof maskLookup>): Sentence {
  const words: Word[] = []
  const {children} = node
  let gap = false
  for (let i = 0; i < children.length; i++) {
    const child = children[i]!
    if (child.type === 'WhiteSpaceNode') continue
    if (child.type !== 'WordNode') {
      gap = true
      continue
    }
    const start = child.position!.start.offset!
    const end = child.position!.end.offset!
    // Slicing the source is what nlcst-to-string would build, without the recursion.
    const value = text.slice(start, end)
    words.push({
      node: child,
      text: value,
      norm: normalize(value),
      start,
      end,
      literal: masked(start, end) !== undefined || (enclosed(children, i) && isLiteral(node, i)),
      gap,
    })
    gap = false
  }
  const start = node.position!.start.offset!
  const end = node.position!.end.offset!
  return {node, index, text: text.slice(start, end), start, end, words}
}

/** Sentences sit in paragraphs (retext) or in paragraphs under other nodes (remark-retext): descend only through parents. */
function collectSentences(node: Root | RootContent, found: SentenceNode[]): void {
  if (node.type === 'SentenceNode') {
    if (node.position) found.push(node)
    return
  }
  if ('children' in node && node.type !== 'WordNode') for (const child of node.children) collectSentences(child, found)
}

/** The shared index for `tree`, built on first use. */
export function getDoc(tree: Root, file: VFile): Doc {
  const cached = cache.get(tree)
  if (cached) return cached
  const text = String(file.value ?? '')
  const links = findLinks(text)
  const masks = findMasks(text, links)
  const masked = maskLookup(masks)
  const nodes: SentenceNode[] = []
  collectSentences(tree, nodes)
  const sentences = nodes.map((node, index) => collectSentence(text, node, index, masked))
  const given = file.data.phase
  let place: ReturnType<typeof location> | undefined
  let detected: {phase: Phase | undefined} | undefined
  const doc: Doc = {
    text,
    sentences,
    links,
    masks,
    // Detection and the line index cost a pass each: only rules that need them pay.
    get phase() {
      if (given) return given
      detected ??= {phase: detectPhase(sentences)}
      return detected.phase
    },
    get phaseSource() {
      return given ? 'given' : this.phase ? 'detected' : undefined
    },
    toPoint(offset) {
      place ??= location(file)
      const point = place.toPoint(offset)
      /* v8 ignore next -- @preserve offsets come from the tree, which lies within the file */
      if (!point) throw new RangeError(`Offset ${offset} is outside the file (${text.length} characters)`)
      return {line: point.line, column: point.column, offset}
    },
  }
  cache.set(tree, doc)
  return doc
}

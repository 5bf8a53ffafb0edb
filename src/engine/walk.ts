/**
 * One pass over the nlcst tree that every rule shares: sentences, their words
 * (normalised once), and which words are literal. Cached per tree, so ten
 * rules cost one walk.
 */
import type {Root, Sentence as SentenceNode, Word as WordNode} from 'nlcst'
import {isLiteral} from 'nlcst-is-literal'
import {toString} from 'nlcst-to-string'
import {visit} from 'unist-util-visit'
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
  phase: Phase | undefined
  phaseSource: 'given' | 'detected' | undefined
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

function collectSentence(node: SentenceNode, index: number, masked: ReturnType<typeof maskLookup>): Sentence {
  const words: Word[] = []
  let gap = false
  node.children.forEach((child, i) => {
    if (child.type === 'WhiteSpaceNode') return
    if (child.type !== 'WordNode') {
      gap = true
      return
    }
    const start = child.position!.start.offset!
    const end = child.position!.end.offset!
    const text = toString(child)
    words.push({
      node: child,
      text,
      norm: normalize(text),
      start,
      end,
      literal: masked(start, end) !== undefined || isLiteral(node, i),
      gap,
    })
    gap = false
  })
  const start = node.position!.start.offset!
  const end = node.position!.end.offset!
  return {node, index, text: toString(node), start, end, words}
}

/** The shared index for `tree`, built on first use. */
export function getDoc(tree: Root, file: VFile): Doc {
  const cached = cache.get(tree)
  if (cached) return cached
  const text = String(file.value ?? '')
  const links = findLinks(text)
  const masks = findMasks(text, links)
  const masked = maskLookup(masks)
  const sentences: Sentence[] = []
  visit(tree, 'SentenceNode', (node) => {
    if (node.position) sentences.push(collectSentence(node, sentences.length, masked))
  })
  const place = location(file)
  const given = file.data.phase
  const doc: Doc = {
    text,
    sentences,
    links,
    masks,
    phase: given ?? detectPhase(sentences),
    phaseSource: given ? 'given' : undefined,
    toPoint(offset) {
      const point = place.toPoint(offset)
      /* v8 ignore next -- @preserve offsets come from the tree, which lies within the file */
      if (!point) throw new RangeError(`Offset ${offset} is outside the file (${text.length} characters)`)
      return {line: point.line, column: point.column, offset}
    },
  }
  if (!given && doc.phase) doc.phaseSource = 'detected'
  cache.set(tree, doc)
  return doc
}

/**
 * Parse long text piece by piece.
 *
 * parse-latin tokenizes its whole input as one sentence before splitting it,
 * so its plugins (merge-inner-word-symbol above all) cost more than linear
 * time: 1 MiB as one document takes ~20× the time of the same text as
 * separate messages, and 50 kB of `1.2.3-4:5 ` takes ~1 s. Paragraphs never
 * share a sentence, so each is parsed on its own and its positions shifted:
 * the same tree in linear time. A paragraph longer than any real update
 * (over `maxPiece` characters) is cut at a line break, else a sentence end,
 * else a space, else anywhere: the text and every position stay exact, only
 * sentence boundaries at the cut may differ.
 */
import type {Root, RootContent} from 'nlcst'
import type {Point} from 'unist'

const maxPiece = 4096

/** Where a piece of the text starts and ends. */
export interface Span {
  start: number
  end: number
}

interface Piece extends Span {
  line: number
  column: number
}

const lineFeed = 0x0a
const carriageReturn = 0x0d

function isBlank(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === carriageReturn
}

/**
 * Paragraphs: runs of text between whitespace holding two or more newlines.
 * Jumps from newline to newline (a 1 MiB file is read once, by indexOf,
 * rather than one character string at a time).
 */
function paragraphs(text: string): Span[] {
  const found: Span[] = []
  let start = 0
  for (let i = text.indexOf('\n'); i !== -1; ) {
    let j = i + 1
    let newlines = 1
    for (; j < text.length; j++) {
      const code = text.charCodeAt(j)
      if (code === lineFeed) newlines++
      else if (!isBlank(code)) break
    }
    let end = i
    while (end > start && isBlank(text.charCodeAt(end - 1))) end--
    if (newlines >= 2 && end > start && j < text.length) {
      found.push({start, end})
      start = j
    }
    i = text.indexOf('\n', j)
  }
  found.push({start, end: text.length})
  return found
}

/** Where to cut a long paragraph before `limit`: after a newline, a sentence end, a space, or anywhere safe. */
function cutPoint(text: string, from: number, limit: number): number {
  let space = -1
  let sentence = -1
  for (let i = limit - 1; i > from; i--) {
    const code = text.charCodeAt(i)
    if (code === lineFeed) return i + 1
    if (code === 0x20 || code === 0x09) {
      if (space === -1) space = i + 1
      const before = text.charCodeAt(i - 1)
      // . ! ?
      if (sentence === -1 && (before === 0x2e || before === 0x21 || before === 0x3f)) sentence = i + 1
    }
  }
  if (sentence !== -1) return sentence
  if (space !== -1) return space
  // Never split a surrogate pair.
  const code = text.charCodeAt(limit - 1)
  return code >= 0xd800 && code <= 0xdbff ? limit - 1 : limit
}

/**
 * What to parse, in order: the paragraphs, a long one cut into pieces. The
 * walk needs no more than this; `pieces` adds where each starts.
 */
export function pieceSpans(text: string): Span[] {
  const result: Span[] = []
  for (const {start, end} of paragraphs(text)) {
    let from = start
    while (end - from > maxPiece) {
      const cut = cutPoint(text, from, from + maxPiece)
      result.push({start: from, end: cut})
      from = cut
    }
    result.push({start: from, end})
  }
  return result
}

/** The pieces to parse, with the line and column each starts at (for a whole tree's positions). */
function pieces(text: string): Piece[] {
  const result: Piece[] = []
  let line = 1
  let lineStart = 0
  let scanned = 0
  for (const {start, end} of pieceSpans(text)) {
    for (; scanned < start; scanned++) {
      // Line ends as parse-latin and vfile-location count them: LF, CRLF and a lone CR.
      const code = text.charCodeAt(scanned)
      if (code === lineFeed || (code === carriageReturn && text.charCodeAt(scanned + 1) !== lineFeed)) {
        line++
        lineStart = scanned + 1
      }
    }
    result.push({start, end, line, column: start - lineStart + 1})
  }
  return result
}

function shift(point: Point, piece: Piece, seen: Set<Point>): void {
  // parse-latin shares point objects between a node and its children: move each once.
  if (seen.has(point)) return
  seen.add(point)
  if (point.line === 1) point.column += piece.column - 1
  point.line += piece.line - 1
  if (point.offset !== undefined) point.offset += piece.start
}

function shiftTree(node: RootContent, piece: Piece, seen: Set<Point>): void {
  if (node.position) {
    shift(node.position.start, piece, seen)
    shift(node.position.end, piece, seen)
  }
  if ('children' in node) for (const child of node.children) shiftTree(child, piece, seen)
}

export function parseInChunks(text: string, parse: (value: string) => Root): Root {
  const parts = pieces(text)
  if (parts.length === 1) return parse(text)
  const children: RootContent[] = []
  parts.forEach((piece, index) => {
    const seen = new Set<Point>()
    for (const child of parse(text.slice(piece.start, piece.end)).children) {
      shiftTree(child, piece, seen)
      children.push(child)
    }
    const next = parts[index + 1]
    if (!next || next.start === piece.end) return
    // The whitespace between two pieces, as parse-latin would have kept it.
    const end = children.at(-1)!.position!.end
    children.push({
      type: 'WhiteSpaceNode',
      value: text.slice(piece.end, next.start),
      position: {start: {...end}, end: {line: next.line, column: next.column, offset: next.start}},
    })
  })
  return {type: 'RootNode', children, position: {start: {...children[0]!.position!.start}, end: {...children.at(-1)!.position!.end}}}
}

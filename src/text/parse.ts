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

interface Piece {
  start: number
  end: number
  line: number
  column: number
}

function isBlank(char: string | undefined): boolean {
  return char === ' ' || char === '\t' || char === '\r'
}

/** Paragraphs: runs of text between whitespace holding two or more newlines. */
function paragraphs(text: string): Array<[number, number]> {
  const found: Array<[number, number]> = []
  let start = 0
  let i = 0
  while (i < text.length) {
    if (text[i] !== '\n') {
      i++
      continue
    }
    let j = i + 1
    let newlines = 1
    while (j < text.length && (text[j] === '\n' || isBlank(text[j]))) {
      if (text[j] === '\n') newlines++
      j++
    }
    let end = i
    while (end > start && isBlank(text[end - 1])) end--
    if (newlines >= 2 && end > start && j < text.length) {
      found.push([start, end])
      start = j
    }
    i = j
  }
  found.push([start, text.length])
  return found
}

/** Where to cut a long paragraph before `limit`: after a newline, a sentence end, a space, or anywhere safe. */
function cutPoint(text: string, from: number, limit: number): number {
  let space = -1
  let sentence = -1
  for (let i = limit - 1; i > from; i--) {
    const char = text[i]
    if (char === '\n') return i + 1
    if (char === ' ' || char === '\t') {
      if (space === -1) space = i + 1
      if (sentence === -1 && (text[i - 1] === '.' || text[i - 1] === '!' || text[i - 1] === '?')) sentence = i + 1
    }
  }
  if (sentence !== -1) return sentence
  if (space !== -1) return space
  // Never split a surrogate pair.
  const code = text.charCodeAt(limit - 1)
  return code >= 0xd800 && code <= 0xdbff ? limit - 1 : limit
}

/** The pieces to parse, with the line and column each starts at. */
export function pieces(text: string): Piece[] {
  const spans: Array<[number, number]> = []
  for (const [start, end] of paragraphs(text)) {
    let from = start
    while (end - from > maxPiece) {
      const cut = cutPoint(text, from, from + maxPiece)
      spans.push([from, cut])
      from = cut
    }
    spans.push([from, end])
  }
  const result: Piece[] = []
  let line = 1
  let lineStart = 0
  let scanned = 0
  for (const [start, end] of spans) {
    for (; scanned < start; scanned++) {
      // Line ends as parse-latin and vfile-location count them: LF, CRLF and a lone CR.
      const char = text[scanned]
      if (char === '\n' || (char === '\r' && text[scanned + 1] !== '\n')) {
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

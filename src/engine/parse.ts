/**
 * Parse long text paragraph by paragraph.
 *
 * parse-latin tokenizes the whole input as one sentence before splitting it,
 * so its plugins (merge-inner-word-symbol above all) cost more than linear
 * time on a large file: 1 MiB as one document takes ~20× the time of the same
 * text as separate messages. Paragraphs never share a sentence, so parsing
 * each on its own and shifting positions gives the same tree in linear time.
 */
import type {Root, RootContent} from 'nlcst'
import type {Point} from 'unist'

interface Chunk {
  start: number
  end: number
  line: number
  /** Column of the chunk's first character (indented paragraphs start past 1). */
  column: number
}

/** Split at blank lines; the separator keeps the whitespace around them, as parse-latin does. */
export function chunks(text: string): {chunks: Chunk[]; separators: Array<[number, number]>} {
  const found: Chunk[] = []
  const separators: Array<[number, number]> = []
  let start = 0
  let line = 1
  let column = 1
  let i = 0
  while (i < text.length) {
    if (text[i] !== '\n') {
      i++
      continue
    }
    // A run of whitespace holding two or more newlines separates paragraphs.
    let j = i + 1
    let lastNewline = i
    let newlines = 1
    while (j < text.length && (text[j] === '\n' || text[j] === ' ' || text[j] === '\t' || text[j] === '\r')) {
      if (text[j] === '\n') {
        lastNewline = j
        newlines++
      }
      j++
    }
    if (newlines >= 2 && i > start && j < text.length) {
      let end = i
      while (end > start && (text[end - 1] === '\r' || text[end - 1] === ' ' || text[end - 1] === '\t')) end--
      if (end === start) {
        i = j
        continue
      }
      found.push({start, end, line, column})
      separators.push([end, j])
      for (let k = start; k <= lastNewline; k++) if (text[k] === '\n') line++
      column = j - lastNewline
      start = j
    }
    i = j
  }
  found.push({start, end: text.length, line, column})
  return {chunks: found, separators}
}

function shift(point: Point, chunk: Chunk, seen: Set<Point>): void {
  // parse-latin shares point objects between a node and its children: move each once.
  if (seen.has(point)) return
  seen.add(point)
  if (point.line === 1) point.column += chunk.column - 1
  point.line += chunk.line - 1
  if (point.offset !== undefined) point.offset += chunk.start
}

function shiftTree(node: RootContent | Root, chunk: Chunk, seen: Set<Point>): void {
  if (node.position) {
    shift(node.position.start, chunk, seen)
    shift(node.position.end, chunk, seen)
  }
  if ('children' in node) for (const child of node.children) shiftTree(child, chunk, seen)
}

export function parseInChunks(text: string, parse: (value: string) => Root): Root {
  const {chunks: parts, separators} = chunks(text)
  if (parts.length === 1) return parse(text)
  const children: RootContent[] = []
  parts.forEach((chunk, index) => {
    const tree = parse(text.slice(chunk.start, chunk.end))
    const seen = new Set<Point>()
    for (const child of tree.children) {
      shiftTree(child, chunk, seen)
      children.push(child)
    }
    const separator = separators[index]
    if (!separator) return
    const [from, to] = separator
    const value = text.slice(from, to)
    const end = children.at(-1)!.position!.end
    const next = parts[index + 1]!
    children.push({
      type: 'WhiteSpaceNode',
      value,
      position: {
        start: {line: end.line, column: end.column, offset: from},
        end: {line: next.line, column: next.column, offset: to},
      },
    })
  })
  const last = children.at(-1)!.position!.end
  const first = children[0]!.position!.start
  return {type: 'RootNode', children, position: {start: {...first}, end: {...last}}}
}

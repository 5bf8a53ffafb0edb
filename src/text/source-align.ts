/**
 * Puts the words of a Markdown file's prose back where they are written.
 *
 * mdast-util-to-nlcst (remark-retext) tokenises each mdast text node's
 * *value* and places its tokens by counting characters from the node's
 * start, as if the value were the source. It is not, wherever Markdown
 * writes more than it means: the indentation of a paragraph's continuation
 * line ("outage\n  is probably…"), a blockquote's `> ` on a lazy line, a
 * list item's indentation, a backslash escape (`\_`), a character reference
 * (`&amp;`). Every token after such a spot drifts, the walk then slices the
 * wrong words from the source ("s probab"), and the rules miss what is
 * there. So each token is found again in the source, from where the
 * previous one ended, skipping only what Markdown drops; then the parents'
 * positions are rebuilt from their children.
 */
import type {Parent, Root} from 'nlcst'
import type {VFile} from 'vfile'
import {location} from 'vfile-location'

type Node = Root | Parent['children'][number]
type Leaf = Extract<Node, {value: string}>
type Place = ReturnType<typeof location>

/** What Markdown writes but a text value leaves out: indentation, line ends, blockquote markers, escaping backslashes. */
function dropped(char: string | undefined): boolean {
  return char === ' ' || char === '\t' || char === '\n' || char === '\r' || char === '>' || char === '\\'
}

/**
 * A character reference (`&amp;`, `&#38;`, `&#x26;`) at `at`: its length, or 0.
 * A linear, bounded pattern: names and numbers have short maximum lengths.
 */
const reference = /&(?:#\d{1,7}|#x[\da-f]{1,6}|[a-z][\da-z]{0,31});/iy
const ampersands = new Set(['&amp;', '&AMP;', '&#38;', '&#x26;', '&#X26;'])

function referenceAt(source: string, at: number, char: string): number {
  if (source[at] !== '&') return 0
  reference.lastIndex = at
  const found = reference.exec(source)
  if (!found) return 0
  // A literal "&" before "name;" stays literal: only a reference that means "&" stands for it.
  if (char === '&' && !ampersands.has(found[0])) return 0
  return found[0].length
}

/** Where `value` is written in `source` from `from` on, past dropped characters only; undefined if it is not. */
function find(value: string, source: string, from: number): {start: number; end: number} | undefined {
  let at = from
  let start: number | undefined
  for (let index = 0; index < value.length; index++) {
    const char = value[index]!
    for (;;) {
      const length = referenceAt(source, at, char)
      if (length > 0) {
        start ??= at
        at += length
        // A reference to an astral character stands for two UTF-16 units of the value.
        const code = char.charCodeAt(0)
        if (code >= 0xd8_00 && code <= 0xdb_ff) index++
        break
      }
      if (source[at] === char) {
        start ??= at
        at++
        break
      }
      if (at >= source.length || !dropped(source[at])) return undefined
      at++
    }
  }
  /* v8 ignore next -- @preserve only an empty value finds no start, and an empty token takes the fast path in alignToSource */
  return start === undefined ? undefined : {start, end: at}
}

const mayDrift = /\n[ \t>]|[\\&]/

/** The leaves of `node`, in order. */
function leavesOf(node: Node, found: Leaf[]): void {
  if ('children' in node) for (const child of node.children) leavesOf(child, found)
  else found.push(node)
}

function setPosition(node: Node, start: number, end: number, place: Place): void {
  const startPoint = place.toPoint(start)
  const endPoint = place.toPoint(end)
  /* v8 ignore next -- @preserve offsets found in the source always have a point */
  if (!startPoint || !endPoint) return
  node.position = {start: {...startPoint, offset: start}, end: {...endPoint, offset: end}}
}

/** A parent spans its first child's start to its last child's end. */
function spanParents(node: Node, place: Place): void {
  if (!('children' in node) || node.children.length === 0) return
  for (const child of node.children) spanParents(child, place)
  const first = node.children.find((child) => child.position)?.position?.start.offset
  const last = node.children.findLast((child) => child.position)?.position?.end.offset
  if (first !== undefined && last !== undefined) setPosition(node, first, last, place)
}

/**
 * Re-places every token of `tree` (from remark-retext) at the words it was
 * read from in `file`. A token that cannot be found keeps its position.
 * White space spans the gap between the tokens around it.
 */
export function alignToSource(tree: Root, file: VFile): void {
  const source = String(file.value)
  // Tokens drift only past what Markdown drops: indentation or ">" after a line end, a backslash, a reference.
  if (!mayDrift.test(source)) return
  // The line index costs a pass: only a file whose tokens moved needs it.
  let index: Place | undefined
  const place = () => (index ??= location(file))
  const leaves: Leaf[] = []
  leavesOf(tree, leaves)
  let cursor = 0
  let changed = false
  // White space waiting for the next token: it spans from the previous token's end to that token's start.
  let spaces: Leaf[] = []
  let previousEnd: number | undefined
  for (const leaf of leaves) {
    if (leaf.type === 'WhiteSpaceNode') {
      spaces.push(leaf)
      continue
    }
    const given = leaf.position?.start.offset
    /* v8 ignore next -- @preserve remark-retext positions every token of a positioned tree */
    if (given === undefined) continue
    // Drift only ever lags: a token is never before where its node's count put it.
    // Most tokens are where the count put them: one comparison, no search (an "&" may stand for "&amp;": searched).
    const from = Math.max(cursor, given)
    const found = from === given && !leaf.value.includes('&') && source.startsWith(leaf.value, given) ? {start: given, end: given + leaf.value.length} : find(leaf.value, source, from)
    if (!found) continue
    if (found.start !== given || found.end !== leaf.position!.end.offset) {
      setPosition(leaf, found.start, found.end, place())
      changed = true
    }
    if (previousEnd !== undefined) {
      for (const space of spaces) {
        if (space.position?.start.offset === previousEnd && space.position.end.offset === found.start) continue
        setPosition(space, previousEnd, found.start, place())
        changed = true
      }
    }
    spaces = []
    previousEnd = cursor = found.end
  }
  if (!changed) return
  spanParents(tree, place())
}

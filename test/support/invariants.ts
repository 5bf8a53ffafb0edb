/**
 * What must hold for every input to `lint()`, whatever it holds: the property
 * tests (test/property/*) run these over generated messages.
 *
 * - it resolves (never throws);
 * - every message but the engine's note about a skipped language comes from
 *   a rule and has a place inside the text, start <= end, with line and
 *   column agreeing with the offset, never splitting a surrogate pair, and
 *   `actual` is the text at that place;
 * - messages are sorted, and linting again gives the same messages;
 * - the chunked parse lint uses gives a tree whose text is the input, every
 *   node's position holding exactly that node's text.
 */
import type {Root} from 'nlcst'
import {toString} from 'nlcst-to-string'
import retextEnglish from 'retext-english'
import {unified} from 'unified'
import type {Node} from 'unist'
import {visit} from 'unist-util-visit'
import {location} from 'vfile-location'
import type {VFileMessage} from 'vfile-message'
import {compareMessage} from 'vfile-sort'
import {rules} from '../../rules/index.ts'
import {parseInChunks} from '../../src/text/parse.ts'
import {lint} from '../../src/lint.ts'
import {skippedMessageId} from '../../src/engine/skipped-note.ts'

const ruleIds = new Set(rules.map((rule) => rule.meta.id))
const parser = unified().use(retextEnglish)

interface Point {
  line: number
  column: number
  offset?: number | undefined
}

/** Thrown with the input, so a failure prints what to turn into a fixture. */
function fail(text: string, problem: string): never {
  throw new Error(`${problem}\n  input: ${JSON.stringify(text.length > 400 ? `${text.slice(0, 400)}…` : text)} (${text.length} characters)`)
}

const isHigh = (code: number) => code >= 0xd800 && code <= 0xdbff
const isLow = (code: number) => code >= 0xdc00 && code <= 0xdfff

/** An offset between the two halves of a surrogate pair points at no character. */
function splitsPair(text: string, offset: number): boolean {
  return offset > 0 && offset < text.length && isHigh(text.charCodeAt(offset - 1)) && isLow(text.charCodeAt(offset))
}

function samePoint(expected: Point | undefined, actual: Point): boolean {
  return expected !== undefined && expected.line === actual.line && expected.column === actual.column
}

/** The parts of a message that must not change between two runs. */
function snapshot(message: VFileMessage): unknown {
  return [message.ruleId, message.messageId, message.reason, message.place, message.actual, message.expected, message.fatal, message.note]
}

export async function checkLint(text: string): Promise<void> {
  const place = location(text)
  const file = await lint(text, {preset: 'strict'})
  let previous: VFileMessage | undefined
  for (const message of file.messages) {
    const what = `${message.ruleId}:${message.messageId}`
    if (message.messageId === skippedMessageId) {
      // The one message no rule reports: the note that rules reading English stood aside, for the whole file.
      const language = message.data?.language
      if (message.ruleId !== undefined || message.fatal !== undefined || message.source !== 'liaison' || language === 'eng' || language === 'und') {
        fail(text, `${what}: not the engine's note about a skipped language`)
      }
      continue
    }
    if (!message.ruleId || !ruleIds.has(message.ruleId) || message.source !== 'liaison') fail(text, `${what}: not stamped by the engine`)
    const range = message.place
    if (!range || !('start' in range)) fail(text, `${what}: no start and end`)
    const {start, end} = range
    if (start.offset === undefined || end.offset === undefined) fail(text, `${what}: no offsets`)
    if (!(start.offset >= 0 && start.offset <= end.offset && end.offset <= text.length)) {
      fail(text, `${what}: offsets ${start.offset}-${end.offset} outside 0-${text.length}`)
    }
    for (const point of [start, end]) {
      if (!samePoint(place.toPoint(point.offset), point)) fail(text, `${what}: ${point.line}:${point.column} is not offset ${point.offset}`)
      if (splitsPair(text, point.offset!)) fail(text, `${what}: offset ${point.offset} splits a surrogate pair`)
    }
    if (message.line !== start.line || message.column !== start.column) fail(text, `${what}: line/column differ from place`)
    if (message.actual !== text.slice(start.offset, end.offset)) fail(text, `${what}: actual ${JSON.stringify(message.actual)} is not the text at its place`)
    if (previous && compareMessage(previous, message) > 0) fail(text, `${what}: messages are not sorted`)
    previous = message
  }
  const again = await lint(text, {preset: 'strict'})
  if (JSON.stringify(again.messages.map(snapshot)) !== JSON.stringify(file.messages.map(snapshot))) fail(text, 'a second run gives other messages')
  checkTree(text, parseInChunks(text, (value) => parser.parse(value)))
}

/** The tree's text is the input, and every position holds its node's text. */
export function checkTree(text: string, tree: Root): void {
  if (toString(tree) !== text) fail(text, 'the tree does not round-trip to the input')
  const place = location(text)
  visit(tree as Node, (node) => {
    const position = node.position
    if (!position) return
    const {start, end} = position
    if (start.offset === undefined || end.offset === undefined || start.offset > end.offset) fail(text, `${node.type}: bad offsets`)
    if (text.slice(start.offset, end.offset) !== toString(node as never)) fail(text, `${node.type} at ${start.offset}-${end.offset}: position does not hold its text`)
    for (const point of [start, end]) {
      if (!samePoint(place.toPoint(point.offset), point)) fail(text, `${node.type}: ${point.line}:${point.column} is not offset ${point.offset}`)
    }
  })
}

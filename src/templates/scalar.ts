/**
 * Where each character of a YAML or JSON string came from in its file, so a
 * report inside a template's `body` points at the exact line and column.
 *
 * The `yaml` package gives a scalar's value and its source token, but not
 * how one maps onto the other. This follows its own resolvers
 * (compose/resolve-flow-scalar.js, compose/resolve-block-scalar.js in yaml
 * 2.x) step by step and records, for every UTF-16 code unit of the value, the
 * span of source it came from:
 *
 * - a character written as itself maps to itself;
 * - an escape (`\n`, `\"`, `\u00e9`, `\U0001F600`, `''` in single quotes)
 *   maps to the whole escape: both halves of a surrogate pair written as
 *   `\ud83d\ude00` map to their own escape;
 * - a line break folded into a space or newline (plain, quoted and `>`
 *   scalars, and the newlines of `|` scalars) maps to the line break, CRLF
 *   included;
 * - indentation and chomping indicators produce no characters.
 *
 * The value built here is checked against the one `yaml` resolved; if they
 * ever differ (a YAML corner this port does not follow), every character maps
 * to the whole scalar instead, which is coarse but never wrong.
 */
import type {CST, Scalar} from 'yaml'

export interface ScalarMap {
  value: string
  /** Source offsets: `starts[i]`..`ends[i]` is where code unit `i` of `value` came from. */
  starts: number[]
  ends: number[]
  /** The scalar's own source range (quotes and block header included). */
  range: [number, number]
}

class Builder {
  value = ''
  starts: number[] = []
  ends: number[] = []

  constructor(
    readonly source: string,
    /** Offset of `source` in the file. */
    readonly base: number,
  ) {}

  /** `source[from..to)`, each code unit mapping to itself. */
  copy(from: number, to: number): void {
    for (let i = from; i < to; i++) {
      this.starts.push(this.base + i)
      this.ends.push(this.base + i + 1)
    }
    this.value += this.source.slice(from, to)
  }

  /** Characters that `source[from..to)` stands for. */
  emit(text: string, from: number, to: number): void {
    for (let i = 0; i < text.length; i++) {
      this.starts.push(this.base + from)
      this.ends.push(this.base + to)
    }
    this.value += text
  }
}

function isBlank(char: string | undefined): boolean {
  return char === ' ' || char === '\t'
}

/**
 * Plain and single-quoted scalars (`unfoldLines`): a single line break folds
 * to a space, each further empty line to a newline; lines are trimmed.
 */
function unfold(b: Builder, from: number, to: number): void {
  const {source} = b
  const lineEnd = (at: number) => {
    const newline = source.indexOf('\n', at)
    return newline === -1 || newline >= to ? -1 : newline
  }
  const contentEnd = (start: number, newline: number) => (newline > start && source[newline - 1] === '\r' ? newline - 1 : newline)
  let newline = lineEnd(from)
  if (newline === -1) {
    b.copy(from, to)
    return
  }
  let end = contentEnd(from, newline)
  while (end > from && isBlank(source[end - 1])) end--
  b.copy(from, end)
  let sep = ' '
  let sepFrom = end
  let sepTo = newline + 1
  let pos = newline + 1
  for (newline = lineEnd(pos); newline !== -1; newline = lineEnd(pos)) {
    let start = pos
    let stop = contentEnd(pos, newline)
    while (start < stop && isBlank(source[start])) start++
    while (stop > start && isBlank(source[stop - 1])) stop--
    if (start === stop) {
      if (sep === '\n') b.emit(sep, start, newline + 1)
      else sep = '\n'
    } else {
      b.emit(sep, sepFrom, sepTo)
      b.copy(start, stop)
      sep = ' '
    }
    sepFrom = stop
    sepTo = newline + 1
    pos = newline + 1
  }
  while (pos < to && isBlank(source[pos])) pos++
  b.emit(sep, sepFrom, sepTo)
  b.copy(pos, to)
}

/** `''` in a single-quoted scalar is one quote: merge each pair into one character spanning both. */
function mergeQuotes(b: Builder): void {
  if (!b.value.includes("''")) return
  let value = ''
  const starts: number[] = []
  const ends: number[] = []
  for (let i = 0; i < b.value.length; i++) {
    const pair = b.value[i] === "'" && b.value[i + 1] === "'"
    value += b.value[i]
    starts.push(b.starts[i]!)
    ends.push(b.ends[pair ? i + 1 : i]!)
    if (pair) i++
  }
  Object.assign(b, {value, starts, ends})
}

const escapes: Readonly<Record<string, string>> = {
  '0': '\0',
  a: '\x07',
  b: '\b',
  e: '\x1b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
  v: '\v',
  N: '\u0085',
  _: '\u00a0',
  L: '\u2028',
  P: '\u2029',
  ' ': ' ',
  '"': '"',
  '/': '/',
  '\\': '\\',
  '\t': '\t',
}

/** Double-quoted scalars (YAML and JSON strings): escapes, folded line breaks, escaped line breaks. */
function doubleQuoted(b: Builder): void {
  const {source} = b
  for (let i = 1; i < source.length - 1; i++) {
    const char = source[i]
    if (char === '\r' && source[i + 1] === '\n') continue
    if (char === '\n') {
      const from = source[i - 1] === '\r' ? i - 1 : i
      let fold = ''
      let next = source[i + 1]
      while (next === ' ' || next === '\t' || next === '\n' || next === '\r') {
        if (next === '\r' && source[i + 2] !== '\n') break
        if (next === '\n') fold += '\n'
        i++
        next = source[i + 1]
      }
      b.emit(fold || ' ', from, i + 1)
    } else if (char === '\\') {
      const at = i
      const next = source[++i]!
      if (Object.hasOwn(escapes, next)) {
        b.emit(escapes[next]!, at, i + 1)
      } else if (next === '\n' || (next === '\r' && source[i + 1] === '\n')) {
        // An escaped line break joins the lines; the next line's indentation is dropped.
        if (next === '\r') i++
        while (isBlank(source[i + 1])) i++
      } else {
        const length = next === 'x' ? 2 : next === 'u' ? 4 : 8
        b.emit(String.fromCodePoint(Number.parseInt(source.slice(i + 1, i + 1 + length), 16)), at, i + 1 + length)
        i += length
      }
    } else if (isBlank(char)) {
      // Spaces before a line break are dropped; elsewhere they are kept.
      const start = i
      while (isBlank(source[i + 1])) i++
      const after = source[i + 1]
      if (after !== '\n' && !(after === '\r' && source[i + 2] === '\n')) b.copy(start, i + 1)
    } else {
      b.copy(i, i + 1)
    }
  }
}

interface Line {
  /** Offsets in the block's body. */
  start: number
  indent: number
  /** Without the line break; may end in `\r`. */
  content: string
  /** Offset of the `\n` (or the body's end). */
  newline: number
}

function splitLines(source: string): Line[] {
  const lines: Line[] = []
  for (let start = 0; ; ) {
    const found = source.indexOf('\n', start)
    const newline = found === -1 ? source.length : found
    let indent = 0
    while (source[start + indent] === ' ' && start + indent < newline) indent++
    lines.push({start, indent, content: source.slice(start + indent, newline), newline})
    if (found === -1) return lines
    start = found + 1
  }
}

/** Block scalars, `|` literal and `>` folded, with chomping and indentation indicators. */
function blockScalar(b: Builder, header: string, parentIndent: number): void {
  const folded = header[0] === '>'
  let explicitIndent = 0
  let chomp = ''
  // A valid header (an invalid one is a parse error, and never mapped) has at most one of each.
  for (const char of header.slice(1)) {
    if (char === '-' || char === '+') chomp = char
    else explicitIndent = Number(char)
  }
  const lines = splitLines(b.source)
  const isEmpty = (line: Line) => line.content === '' || line.content === '\r'
  /** The line break after `line`: `\r\n` or `\n`. */
  const lineBreak = (line: Line): [number, number] => {
    const end = line.start + line.indent + line.content.length
    return [line.content.endsWith('\r') ? end - 1 : end, Math.min(line.newline + 1, b.source.length)]
  }
  let chompStart = lines.length
  for (let i = lines.length - 1; i >= 0 && isEmpty(lines[i]!); i--) chompStart = i
  if (chompStart === 0) {
    const newlines = chomp === '+' && lines.length > 0 ? '\n'.repeat(Math.max(1, lines.length - 1)) : ''
    b.emit(newlines, 0, b.source.length)
    return
  }
  let trimIndent = parentIndent + explicitIndent
  let contentStart = 0
  for (let i = 0; i < chompStart; i++) {
    const line = lines[i]!
    if (isEmpty(line)) {
      if (explicitIndent === 0 && line.indent > trimIndent) trimIndent = line.indent
    } else {
      if (explicitIndent === 0) trimIndent = line.indent
      contentStart = i
      break
    }
  }
  for (let i = lines.length - 1; i >= chompStart; i--) if (lines[i]!.indent > trimIndent) chompStart = i + 1
  const extraIndent = (line: Line) => b.copy(line.start + Math.min(trimIndent, line.indent), line.start + line.indent)
  for (let i = 0; i < contentStart; i++) {
    extraIndent(lines[i]!)
    b.emit('\n', ...lineBreak(lines[i]!))
  }
  let sep = ''
  let sepSpan: [number, number] = [0, 0]
  let previousMoreIndented = false
  for (let i = contentStart; i < chompStart; i++) {
    const line = lines[i]!
    const content = line.content.endsWith('\r') ? line.content.slice(0, -1) : line.content
    const contentFrom = line.start + line.indent
    if (!folded) {
      b.emit(sep, ...sepSpan)
      extraIndent(line)
      b.copy(contentFrom, contentFrom + content.length)
      sep = '\n'
    } else if (line.indent > trimIndent || content[0] === '\t') {
      if (sep === ' ') sep = '\n'
      else if (!previousMoreIndented && sep === '\n') sep = '\n\n'
      b.emit(sep, ...sepSpan)
      extraIndent(line)
      b.copy(contentFrom, contentFrom + content.length)
      sep = '\n'
      previousMoreIndented = true
    } else if (content === '') {
      if (sep === '\n') b.emit('\n', ...lineBreak(line))
      else sep = '\n'
    } else {
      b.emit(sep, ...sepSpan)
      b.copy(contentFrom, contentFrom + content.length)
      sep = ' '
      previousMoreIndented = false
    }
    sepSpan = lineBreak(line)
  }
  if (chomp === '+') {
    for (let i = chompStart; i < lines.length; i++) {
      b.emit('\n', ...sepSpan)
      extraIndent(lines[i]!)
      sepSpan = lineBreak(lines[i]!)
    }
    if (!b.value.endsWith('\n')) b.emit('\n', ...sepSpan)
  } else if (chomp === '') {
    b.emit('\n', ...sepSpan)
  }
}

/** The scalar's value with, for each character, where it came from; `offset` shifts a token parsed from a slice of the file. */
export function mapScalar(node: Scalar, offset = 0): ScalarMap {
  const token = node.srcToken as CST.FlowScalar | CST.BlockScalar
  const range: [number, number] = [offset + node.range![0], offset + node.range![1]]
  let b: Builder
  if (token.type === 'block-scalar') {
    // The header (`|-2`, a comment, the line break) is made of source tokens; the body starts after it.
    const props = token.props as CST.SourceToken[]
    const header = props.reduce((length, prop) => length + prop.source.length, 0)
    b = new Builder(token.source, offset + token.offset + header)
    blockScalar(b, props[0]!.source, token.indent)
  } else {
    b = new Builder(token.source, offset + token.offset)
    if (token.type === 'double-quoted-scalar') doubleQuoted(b)
    else if (token.type === 'single-quoted-scalar') {
      unfold(b, 1, token.source.length - 1)
      mergeQuotes(b)
    } else unfold(b, 0, token.source.length)
  }
  const value = String(node.value)
  /* v8 ignore next 3 -- @preserve the port follows yaml's resolvers; the property test finds no scalar where they differ */
  if (b.value !== value) {
    return {value, starts: Array.from(value, () => range[0]), ends: Array.from(value, () => range[1]), range}
  }
  return {value, starts: b.starts, ends: b.ends, range}
}

/** The file offset a message offset maps to: `edge` 'start' for a start, 'end' for an exclusive end. */
export function toSource(map: ScalarMap, offset: number, edge: 'start' | 'end'): number {
  const {starts, ends, range} = map
  if (starts.length === 0) return range[0]
  if (edge === 'start') return offset < starts.length ? starts[offset]! : ends.at(-1)!
  return offset > 0 ? ends[Math.min(offset, ends.length) - 1]! : starts[0]!
}

/**
 * Spans of the source that are never prose: links, inline code and template
 * placeholders. Words inside them are literal for every phrase rule.
 * Found by linear scans over the raw text, so positions are exact and no
 * regular expression can backtrack.
 */
import {findLinks, type Link} from './links.ts'
import type {PlaceholderPattern} from './placeholder-patterns.ts'
import {type PlaceholderInfo, type PlaceholderSyntax, placeholderSyntaxNames} from './placeholders.ts'
import {labelBefore, type WrittenPlaceholder, writtenScanners} from './written-placeholders.ts'

export type MaskKind = 'link' | 'code' | 'placeholder' | 'quote'

export interface Mask {
  kind: MaskKind
  start: number
  end: number
  /** Placeholders only: which syntax, the variable's name, whether it renders nothing itself. */
  placeholder?: PlaceholderInfo
}

/** Opening and closing delimiters of placeholder syntaxes, longest first. */
const placeholderSyntaxes: ReadonlyArray<readonly [string, string]> = [
  ['{{{', '}}}'],
  ['{{', '}}'],
  ['{%', '%}'],
  ['${', '}'],
]

const pairSyntax: Readonly<Record<string, PlaceholderSyntax>> = {'{{{': 'mustache', '{{': 'mustache', '{%': 'tag', '${': 'dollar'}

/** Placeholders never span lines and stay short; anything longer is prose with stray braces. */
const maxPlaceholder = 200
/** `%(name)s`: printf names are short. */
const maxPrintfName = 64

function scanPairs(text: string, open: string, close: string, kind: MaskKind, out: Mask[]): void {
  // The next `close` and the next line break at or after where the search is, kept as the search moves
  // forward: each stretch of the text is scanned once, however many openers go unclosed.
  let nextClose = -2
  let nextNewline = -2
  for (let from = 0; ; ) {
    const start = text.indexOf(open, from)
    if (start === -1) return
    const inner = start + open.length
    if (nextClose !== -1 && nextClose < inner) nextClose = text.indexOf(close, inner)
    if (nextNewline !== -1 && nextNewline < inner) nextNewline = text.indexOf('\n', inner)
    const closed = nextClose !== -1 && nextClose < start + maxPlaceholder && (nextNewline === -1 || nextNewline > nextClose)
    if (!closed) {
      from = inner
      continue
    }
    const end = nextClose + close.length
    out.push({kind, start, end})
    from = end
  }
}

const identifier = /^[a-z_][\w.-]*/i

/** What `{{ name }}`, `{% tag %}` or `${name}` holds: its name, and whether it only controls the output. */
function describePair(syntax: PlaceholderSyntax, inner: string): PlaceholderInfo {
  if (syntax === 'dollar') return {syntax, name: identifier.exec(inner.trim())?.[0]}
  // `-` and `~` trim whitespace around the output (Jinja, Liquid, Handlebars); they are not part of the name.
  let body = inner.trim().replace(/^[-~]\s*/, '')
  if (syntax === 'tag') return {syntax, name: identifier.exec(body)?.[0], control: true}
  // Mustache sigils: sections (#, ^, /) and comments (!) render nothing themselves; & and > output a value.
  const sigil = body[0]
  const control = sigil === '#' || sigil === '^' || sigil === '/' || sigil === '!' || body === 'else'
  if (sigil === '#' || sigil === '^' || sigil === '/' || sigil === '!' || sigil === '&' || sigil === '>') body = body.slice(1).trim()
  return {syntax, name: identifier.exec(body)?.[0], ...(control ? {control} : {})}
}

function isWordChar(char: string | undefined): boolean {
  return char !== undefined && /[\p{L}\p{N}_]/u.test(char)
}

/** `%s`, `%d`, `%(name)s`, `%(name)d`; `%%` is a literal percent sign. */
function scanPrintf(text: string, out: Mask[]): void {
  for (let i = text.indexOf('%'); i !== -1; i = text.indexOf('%', i + 1)) {
    const next = text[i + 1]
    if (next === '%') {
      i++
      continue
    }
    let end = -1
    let name: string | undefined
    if (next === '(') {
      // Names are short: look for the `)` no further than that, so the scan stays linear.
      const close = text.slice(i + 2, i + 2 + maxPrintfName).indexOf(')') + i + 2
      const inner = close < i + 2 ? '' : text.slice(i + 2, close)
      if (/^[a-z_]\w*$/i.test(inner) && (text[close + 1] === 's' || text[close + 1] === 'd')) {
        end = close + 2
        name = inner
      }
    } else if (next === 's' || next === 'd') {
      end = i + 2
    }
    if (end === -1 || isWordChar(text[end])) continue
    out.push({kind: 'placeholder', start: i, end, placeholder: {syntax: 'printf', ...(name ? {name} : {})}})
    i = end - 1
  }
}

const allSyntaxes: ReadonlySet<PlaceholderSyntax> = new Set(placeholderSyntaxNames)

/** Placeholders of the given syntaxes, earliest first; where two overlap, the one starting first (then the longer) wins. */
export function findPlaceholders(
  text: string,
  syntaxes: readonly PlaceholderSyntax[] = placeholderSyntaxNames,
  patterns: readonly PlaceholderPattern[] = [],
): Mask[] {
  // Every message without its own syntaxes shares one set.
  const on = syntaxes === placeholderSyntaxNames ? allSyntaxes : new Set(syntaxes)
  const found: Mask[] = []
  for (const [open, close] of placeholderSyntaxes) {
    const syntax = pairSyntax[open]!
    if (!on.has(syntax)) continue
    const pairs: Mask[] = []
    scanPairs(text, open, close, 'placeholder', pairs)
    for (const m of pairs) {
      m.placeholder = describePair(syntax, text.slice(m.start + open.length, m.end - close.length))
      found.push(m)
    }
  }
  if (on.has('printf')) scanPrintf(text, found)
  // Brackets, angles and braces in code are code (log lines, stack traces), never a writer's blank.
  let inCode: ((start: number, end: number) => Mask | undefined) | undefined
  for (const syntax of ['bracket', 'angle', 'brace', 'shell'] as const) {
    if (!on.has(syntax)) continue
    const written: WrittenPlaceholder[] = []
    writtenScanners[syntax](text, written)
    if (written.length > 0) inCode ??= maskLookup(codeSpans(text))
    for (const {start, end, name} of written) {
      if (!inCode!(start, end)) found.push({kind: 'placeholder', start, end, placeholder: {syntax, name}})
    }
  }
  for (const pattern of patterns) {
    for (const {start, end, name} of pattern.find(text)) found.push({kind: 'placeholder', start, end, placeholder: {syntax: 'custom', name}})
  }
  found.sort((a, b) => a.start - b.start || b.end - a.end)
  // One sweep: a `{{` inside an already-found `{{{…}}}` is the same placeholder.
  const kept: Mask[] = []
  let reach = -1
  for (const m of found) {
    if (m.start < reach) continue
    // What the placeholder fills: "Impact: [..]", "Next update: <..>", "ETA [..]" (see placeholder kinds).
    Object.assign(m.placeholder!, labelBefore(text, m.start))
    kept.push(m)
    reach = m.end
  }
  return kept
}

/** Fenced code blocks (``` or ~~~, as Markdown opens and closes them) and inline code spans, in order. */
function codeSpans(text: string): Mask[] {
  const spans: Mask[] = []
  let fence: {marker: string; start: number} | undefined
  for (let at = 0; at < text.length; ) {
    const newline = text.indexOf('\n', at)
    const end = newline === -1 ? text.length : newline + 1
    const line = /^ {0,3}(`{3,}|~{3,})/.exec(text.slice(at, Math.min(end, at + 64)))
    if (line && !fence) fence = {marker: line[1]!, start: at}
    else if (line && fence && line[1]!.startsWith(fence.marker[0]!) && line[1]!.length >= fence.marker.length) {
      spans.push({kind: 'code', start: fence.start, end})
      fence = undefined
    }
    at = end
  }
  // An unclosed fence runs to the end, as in Markdown.
  if (fence) spans.push({kind: 'code', start: fence.start, end: text.length})
  scanPairs(text, '`', '`', 'code', spans)
  return spans.sort((a, b) => a.start - b.start || b.end - a.end)
}

export function findMasks(
  text: string,
  links: Link[] = findLinks(text),
  syntaxes?: readonly PlaceholderSyntax[],
  patterns?: readonly PlaceholderPattern[],
): Mask[] {
  const masks = findPlaceholders(text, syntaxes, patterns)
  scanPairs(text, '`', '`', 'code', masks)
  for (const link of links) masks.push({kind: 'link', start: link.start, end: link.end})
  return masks.sort((a, b) => a.start - b.start || b.end - a.end)
}

/**
 * Index masks for O(log n) "is this offset masked?" queries.
 * Masks may nest (a link inside code), so keep the running maximum end.
 */
export function maskLookup(masks: Mask[]): (start: number, end: number) => Mask | undefined {
  const maxEnd: number[] = []
  let running = -1
  for (const m of masks) maxEnd.push((running = Math.max(running, m.end)))
  return (start, end) => {
    // Last mask starting before `end`.
    let lo = 0
    let hi = masks.length - 1
    let found = -1
    while (lo <= hi) {
      const mid = (lo + hi) >> 1
      if (masks[mid]!.start < end) {
        found = mid
        lo = mid + 1
      } else hi = mid - 1
    }
    for (let i = found; i >= 0 && maxEnd[i]! > start; i--) {
      const m = masks[i]!
      if (m.end > start) return m
    }
    return undefined
  }
}

/** Double-quote pairs, straight or curly; single quotes are left out because apostrophes use the same character. Keep findQuotes' char codes in step. */
const quotePairs: Record<string, string> = {'"': '"', '\u201c': '\u201d', '\u201e': '\u201c'}
/** Quotes never span lines and stay short; a longer stretch is prose with a stray quote. */
const maxQuote = 300

/**
 * Spans inside double quotes: wording shown or reported as written (an error
 * message, a banner). Separate from `findMasks` because only some rules skip
 * quoted words: a guess inside a quoted error text is not the writer's, but a
 * quoted server name is still a server name. nlcst-is-literal, behind
 * `Word.literal`, only sees a single quoted word. One scan, linear time.
 */
export function findQuotes(text: string): Mask[] {
  const found: Mask[] = []
  let i = 0
  while (i < text.length) {
    // Char codes first: this scans every character of a message, and nearly none opens a quote.
    const code = text.charCodeAt(i)
    if (code !== 0x22 && code !== 0x201c && code !== 0x201e) {
      i++
      continue
    }
    const close = quotePairs[text[i]!]!
    const limit = Math.min(text.length, i + maxQuote)
    let end = -1
    for (let j = i + 1; j < limit && text[j] !== '\n'; j++) {
      if (text[j] === close) {
        end = j + 1
        break
      }
    }
    if (end === -1) {
      i++
      continue
    }
    found.push({kind: 'quote', start: i, end})
    i = end
  }
  return found
}

/**
 * Spans of the source that are never prose: links, inline code and template
 * placeholders. Words inside them are literal for every phrase rule.
 * Found by linear scans over the raw text, so positions are exact and no
 * regular expression can backtrack.
 */
import {findLinks, type Link} from './links.ts'

export type MaskKind = 'link' | 'code' | 'placeholder' | 'quote'

export interface Mask {
  kind: MaskKind
  start: number
  end: number
}

/** Opening and closing delimiters of placeholder syntaxes, longest first. */
export const placeholderSyntaxes: ReadonlyArray<readonly [string, string]> = [
  ['{{{', '}}}'],
  ['{{', '}}'],
  ['{%', '%}'],
  ['${', '}'],
]

/** Placeholders never span lines and stay short; anything longer is prose with stray braces. */
const maxPlaceholder = 200

function scanPairs(text: string, open: string, close: string, kind: MaskKind, out: Mask[]): void {
  let from = 0
  for (;;) {
    const start = text.indexOf(open, from)
    if (start === -1) return
    const limit = Math.min(text.length, start + maxPlaceholder)
    let end = -1
    for (let i = start + open.length; i < limit; i++) {
      if (text[i] === '\n') break
      if (text.startsWith(close, i)) {
        end = i + close.length
        break
      }
    }
    if (end === -1) {
      from = start + open.length
      continue
    }
    out.push({kind, start, end})
    from = end
  }
}

function overlapsAny(masks: Mask[], start: number, end: number): boolean {
  return masks.some((m) => start < m.end && end > m.start)
}

export function findMasks(text: string, links: Link[] = findLinks(text)): Mask[] {
  const masks: Mask[] = []
  for (const [open, close] of placeholderSyntaxes) {
    const found: Mask[] = []
    scanPairs(text, open, close, 'placeholder', found)
    // A `{{` inside an already-found `{{{…}}}` is the same placeholder.
    for (const m of found) if (!overlapsAny(masks, m.start, m.end)) masks.push(m)
  }
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

/** Double-quote pairs, straight or curly; single quotes are left out because apostrophes use the same character. */
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
    const close = quotePairs[text[i]!]
    if (close === undefined) {
      i++
      continue
    }
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

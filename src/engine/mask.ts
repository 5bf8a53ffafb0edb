/**
 * Spans of the source that are never prose: links, inline code and template
 * placeholders. Words inside them are literal for every phrase rule.
 * Found by linear scans over the raw text, so positions are exact and no
 * regular expression can backtrack.
 */
import {findLinks, type Link} from './links.ts'

export type MaskKind = 'link' | 'code' | 'placeholder'

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
